export default definePageConfig({
  navigationBarTitleText: '周报',
  enablePageMeta: true,
});
