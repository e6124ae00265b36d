export default definePageConfig({
  navigationBarTitleText: '工单',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
