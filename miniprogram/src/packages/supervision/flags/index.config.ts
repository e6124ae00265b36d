export default definePageConfig({
  navigationBarTitleText: '红黄旗',
  enablePageMeta: true,
  backgroundTextStyle: 'dark',
});
