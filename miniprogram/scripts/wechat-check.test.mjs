// The decision of wechat-check.mjs (node --test scripts/wechat-check.test.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { judge, packageSizes } from './wechat-check.mjs';

const item = (name, success, detail) => ({ name, success, text: `${name} text`, detail });
const passing = [
  item('PACKAGE_SIZE_LIMIT', true, { __APP__: 600_000, 'packages/staff/': 150_000 }),
  item('WXML_COMPRESS_OPEN', true),
];

test('files under a subpackage root count for that subpackage, the rest for the main package', () => {
  const sut = packageSizes({ 'app.js': 10, 'packages/staff/a/index.js': 5, 'packages/staffing.js': 7 }, [
    'packages/staff',
  ]);
  assert.deepEqual(sut, { __APP__: 17, 'packages/staff': 5 });
});

test('passes when every item passes and the main package is under the limit', () => {
  assert.deepEqual(judge({ quality: passing, compiled: { __APP__: 550_000 } }).failures, []);
});

test('fails on any quality item that does not pass, naming it', () => {
  const { failures } = judge({
    quality: [...passing, item('LAZYCODE_LOADING_OPEN', false)],
    compiled: { __APP__: 1 },
  });
  assert.deepEqual(failures, ['LAZYCODE_LOADING_OPEN: LAZYCODE_LOADING_OPEN text']);
});

test('fails when the larger of the built and the compiled main package is over 1 MB', () => {
  const big = [item('PACKAGE_SIZE_LIMIT', true, { __APP__: 1024 * 1024 + 1 })];
  assert.equal(judge({ quality: big, compiled: { __APP__: 900_000 } }).failures.length, 1);
  assert.equal(judge({ quality: passing, compiled: { __APP__: 1024 * 1024 + 1 } }).failures.length, 1);
});

test('fails when the scan returned nothing or the compiler produced no main package', () => {
  assert.equal(judge({ quality: [], compiled: { __APP__: 1 } }).failures.length, 1);
  assert.equal(judge({ quality: passing, compiled: { __APP__: 0 } }).failures.length, 1);
});
