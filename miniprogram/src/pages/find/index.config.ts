export default definePageConfig({
  navigationBarTitleText: '找人办事',
  // Lets components/Page set the root font size through <page-meta>.
  enablePageMeta: true,
  // 转发 (useShareAppMessage).
  enableShareAppMessage: true,
});
