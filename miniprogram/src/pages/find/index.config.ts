export default definePageConfig({
  navigationBarTitleText: '找人办事',
  enablePageMeta: true,
});
