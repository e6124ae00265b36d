export default definePageConfig({
  navigationBarTitleText: '今日工作',
  enablePageMeta: true,
});
