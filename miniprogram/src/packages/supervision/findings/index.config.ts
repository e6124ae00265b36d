export default definePageConfig({
  navigationBarTitleText: '督查记录',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
