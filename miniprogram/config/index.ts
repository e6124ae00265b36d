import { resolve } from 'node:path';

import { defineConfig, type UserConfigExport } from '@tarojs/cli';

import devConfig from './dev';
import prodConfig from './prod';

/**
 * Where the weapp build talks to the API. H5 is served by the API itself and uses the relative
 * `/api/v1`, so this only matters for weapp. Override with `TARO_APP_API_BASE=... pnpm build:weapp`
 * or a `.env.production` file (Taro reads `TARO_APP_*` keys from `.env*` files too).
 */
const DEFAULT_WEAPP_API_BASE = 'http://localhost:3000/api/v1';

/**
 * postcss-pxtransform supports `px` on H5 (design px / 2, no injected rem script), but Taro's
 * typings only list 'rpx' | 'vw' | 'rem'.
 */
const H5_TARGET_UNIT = 'px' as unknown as 'vw';

// https://docs.taro.zone/docs/config-detail
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jinri-gongzuo',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // `@/components/...` instead of `../../../components/...` (tsconfig.json paths and the jest
    // moduleNameMapper say the same).
    alias: { '@': resolve(__dirname, '..', 'src') },
    // dist/weapp and dist/h5, so both builds can live side by side.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // Platform (weapp, h5) and framework (react) plugins are registered by the Taro CLI itself.
    plugins: [],
    env: {
      // Values must be JSON-encoded: they are substituted verbatim by webpack's DefinePlugin.
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE || DEFAULT_WEAPP_API_BASE),
    },
    defineConstants: {},
    // H5: the browser asks for /favicon.ico (the 今日 tab icon; src/index.html links it). weapp has none.
    copy: {
      patterns: process.env.TARO_ENV === 'h5' ? [{ from: 'src/favicon.ico', to: 'dist/h5/favicon.ico' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Component styles are class-scoped, so their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        // px -> rpx for layout. Font sizes use rem (see src/styles/tokens.css), which is left alone.
        // onePxTransform false: hairline borders stay 1px instead of becoming 1rpx.
        pxtransform: { enable: true, config: { onePxTransform: false } },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      webpackChain(chain) {
        // Taro + React alone is ~320 KiB (~100 KiB gzipped), over webpack's default 244 KiB hint.
        // Budget 400 KiB so the warning means "the app grew", not "the framework exists".
        chain.performance.maxEntrypointSize(400 * 1024).maxAssetSize(300 * 1024);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // Convert design px to CSS px (750 design -> 375 CSS). The default target unit `rem`
        // would make Taro inject a script that sets <html> font-size from the screen width,
        // which would override the reader's own browser/system font size.
        pxtransform: { enable: true, config: { targetUnit: H5_TARGET_UNIT, onePxTransform: false } },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
