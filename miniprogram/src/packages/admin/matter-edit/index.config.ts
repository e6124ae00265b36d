export default definePageConfig({
  navigationBarTitleText: '编辑事项',
  enablePageMeta: true,
});
