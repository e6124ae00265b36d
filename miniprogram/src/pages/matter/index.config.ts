export default definePageConfig({
  navigationBarTitleText: '事项详情',
  // Lets components/Page set the root font size through <page-meta>.
  enablePageMeta: true,
  // Pull down to reload where the officials are now.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 转发 (useShareAppMessage).
  enableShareAppMessage: true,
});
