/**
 * Component and hook tests of the mini-program (jsdom, as Taro's own projects do). Run with
 * `pnpm --filter @jinri/miniprogram test`; specs live beside the code (src/**\/*.spec.ts[x]).
 * What stands in for Taro is described in test/README.md.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '..',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  setupFiles: ['<rootDir>/test/env.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@test/(.*)$': '<rootDir>/test/$1',
    '^@tarojs/taro$': '<rootDir>/test/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/taro-components.tsx',
    '\\.(css|scss|less)$': '<rootDir>/test/style.js',
    '\\.(png|jpe?g|gif|svg|webp)$': '<rootDir>/test/asset.js',
  },
  transform: {
    '\\.[jt]sx?$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
      },
    ],
  },
};
