/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.css';

/**
 * Build-time constants substituted by webpack's DefinePlugin (see config/index.ts `env`).
 * `@types/webpack-env` types `process.env` as `any`; these helpers give the values we read a type.
 */
declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
    /** API base URL for the weapp build, e.g. https://example.gov.cn/api/v1 */
    TARO_APP_API_BASE?: string;
  }
}
