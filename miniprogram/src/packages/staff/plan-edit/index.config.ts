export default definePageConfig({
  navigationBarTitleText: '明日计划',
  enablePageMeta: true,
});
