export default definePageConfig({
  navigationBarTitleText: '今日晒',
  enablePageMeta: true,
});
