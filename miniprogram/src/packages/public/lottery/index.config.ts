export default definePageConfig({
  navigationBarTitleText: '抽签详情',
  enablePageMeta: true,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
