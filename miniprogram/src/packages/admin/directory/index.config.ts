export default definePageConfig({
  navigationBarTitleText: '名录表格',
  enablePageMeta: true,
});
