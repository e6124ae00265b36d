export default definePageConfig({
  navigationBarTitleText: '今日工作',
  // Lets components/Page set the root font size through <page-meta>.
  enablePageMeta: true,
  // Pull down to reload the plans (usePullDownRefresh).
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 转发 (useShareAppMessage).
  enableShareAppMessage: true,
});
