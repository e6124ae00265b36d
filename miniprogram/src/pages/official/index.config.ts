export default definePageConfig({
  navigationBarTitleText: '干部主页',
  enablePageMeta: true,
});
