export default definePageConfig({
  navigationBarTitleText: '留言敏感词',
  enablePageMeta: true,
});
