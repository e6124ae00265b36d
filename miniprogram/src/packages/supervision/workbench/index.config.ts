export default definePageConfig({
  navigationBarTitleText: '督查工作台',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
