export default definePageConfig({
  navigationBarTitleText: '单位',
  // Lets components/Page set the root font size through <page-meta>.
  enablePageMeta: true,
  // Pull down to reload today's plans.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 转发 (useShareAppMessage).
  enableShareAppMessage: true,
});
