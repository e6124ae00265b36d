export default definePageConfig({
  navigationBarTitleText: '现场抽查',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
