import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkWardPartnerFiles } from './check.ts';

test('every ward file resolves against the master data, with valid dates, sources and types', () => {
  const { problems } = checkWardPartnerFiles();
  assert.deepEqual(problems, []);
});
