import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseTrouble } from './unavailable.ts';

test('database troubles are told apart from errors of the request', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  assert.equal(databaseTrouble(coded('ECONNREFUSED')), 'unavailable');
  assert.equal(databaseTrouble(new Error('timeout exceeded when trying to connect')), 'unavailable');
  assert.equal(databaseTrouble(new Error('Connection terminated unexpectedly')), 'unavailable');
  assert.equal(databaseTrouble(coded('57P01')), 'unavailable', 'terminating connection due to administrator command');
  assert.equal(databaseTrouble(coded('57P03')), 'unavailable', 'the database system is starting up');
  assert.equal(databaseTrouble(coded('08006')), 'unavailable');
  assert.equal(databaseTrouble(coded('57014')), 'unavailable', 'statement timeout');
  assert.equal(databaseTrouble(coded('53100')), 'storage-full');
  assert.equal(databaseTrouble(coded('SQLITE_BUSY')), 'unavailable');
  assert.equal(databaseTrouble(coded('SQLITE_BUSY_SNAPSHOT')), 'unavailable');
  assert.equal(databaseTrouble(coded('SQLITE_FULL')), 'storage-full');
  assert.equal(databaseTrouble(Object.assign(new AggregateError([coded('ECONNREFUSED')]), {})), 'unavailable');
  // Errors of the request or of the code stay what they are (a 4xx, or a 500 to look into).
  assert.equal(databaseTrouble(coded('23505')), undefined, 'unique violation');
  assert.equal(databaseTrouble(coded('42P01')), undefined, 'undefined table');
  assert.equal(databaseTrouble(coded('SQLITE_CONSTRAINT_UNIQUE')), undefined);
  assert.equal(databaseTrouble(coded('FST_CSRF_INVALID_TOKEN')), undefined);
  assert.equal(databaseTrouble(new Error('boom')), undefined);
  assert.equal(databaseTrouble(undefined), undefined);
});
