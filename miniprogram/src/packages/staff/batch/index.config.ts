export default definePageConfig({
  navigationBarTitleText: '批量填报',
  enablePageMeta: true,
});
