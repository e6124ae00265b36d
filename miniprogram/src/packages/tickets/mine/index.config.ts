export default definePageConfig({
  navigationBarTitleText: '我的留言',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
