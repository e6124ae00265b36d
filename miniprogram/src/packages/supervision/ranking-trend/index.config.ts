export default definePageConfig({
  navigationBarTitleText: '排名趋势',
  enablePageMeta: true,
  // Pull down to compute again.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
