export default definePageConfig({
  navigationBarTitleText: '单位',
  enablePageMeta: true,
});
