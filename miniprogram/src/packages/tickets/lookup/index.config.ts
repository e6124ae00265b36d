export default definePageConfig({
  navigationBarTitleText: '查询留言进度',
  enablePageMeta: true,
});
