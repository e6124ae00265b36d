export default definePageConfig({
  navigationBarTitleText: '立体像',
  enablePageMeta: true,
});
