export default definePageConfig({
  navigationBarTitleText: '排名',
  enablePageMeta: true,
  // Pull down to compute again.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
