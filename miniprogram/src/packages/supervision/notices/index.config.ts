export default definePageConfig({
  navigationBarTitleText: '督察通报',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
