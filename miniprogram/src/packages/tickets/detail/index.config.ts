export default definePageConfig({
  navigationBarTitleText: '留言详情',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
