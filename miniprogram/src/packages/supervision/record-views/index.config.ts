export default definePageConfig({
  navigationBarTitleText: '谁查看了我的立体像',
  enablePageMeta: true,
});
