/**
 * After the test framework loads: a fresh fake Taro (storage, calls, answers) and a fresh
 * @testing-library DOM for every test.
 */
import { afterEach, beforeEach } from '@jest/globals';
import { cleanup } from '@testing-library/react';

import { resetTaro } from './taro';

beforeEach(() => {
  resetTaro();
});

afterEach(() => {
  cleanup();
});
