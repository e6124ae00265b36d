export default definePageConfig({
  navigationBarTitleText: '请假',
  enablePageMeta: true,
});
