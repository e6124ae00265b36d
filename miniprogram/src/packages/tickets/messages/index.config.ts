export default definePageConfig({
  navigationBarTitleText: '消息',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
