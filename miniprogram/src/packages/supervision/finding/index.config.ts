export default definePageConfig({
  navigationBarTitleText: '督查记录',
  enablePageMeta: true,
});
