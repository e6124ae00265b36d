export default definePageConfig({
  navigationBarTitleText: '人员交接',
  enablePageMeta: true,
});
