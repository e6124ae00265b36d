export default definePageConfig({
  navigationBarTitleText: '我的督查',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
