export default definePageConfig({
  navigationBarTitleText: '实绩公示栏',
  enablePageMeta: true,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
