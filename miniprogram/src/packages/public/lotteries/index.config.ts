export default definePageConfig({
  navigationBarTitleText: '抽签晒',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
