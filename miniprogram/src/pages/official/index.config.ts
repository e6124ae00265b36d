export default definePageConfig({
  navigationBarTitleText: '干部主页',
  enablePageMeta: true,
  // Pull down to reload.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 转发 (useShareAppMessage).
  enableShareAppMessage: true,
});
