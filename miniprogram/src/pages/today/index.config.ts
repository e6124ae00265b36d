export default definePageConfig({
  navigationBarTitleText: '今日工作',
  // Lets components/Page set the root font size through <page-meta>.
  enablePageMeta: true,
});
