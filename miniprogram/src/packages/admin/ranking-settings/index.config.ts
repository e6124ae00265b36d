export default definePageConfig({
  navigationBarTitleText: '排名设置',
  enablePageMeta: true,
});
