import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

const base = { APP_ENV: 'test' } as const;

test('BOUNDARY_FILE is optional: without it there is no boundary map', () => {
  assert.equal(loadConfig({ ...base }).boundaryFile, undefined);
  assert.equal(loadConfig({ ...base, BOUNDARY_FILE: '' }).boundaryFile, undefined);
});

test('BOUNDARY_FILE and BOUNDARY_OBJECT name an existing file and its object', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-config-'));
  const file = join(dir, 'prefectures.topo.json');
  writeFileSync(file, '{"type":"Topology","objects":{},"arcs":[]}');
  assert.deepEqual(loadConfig({ ...base, BOUNDARY_FILE: file }).boundaryFile, { path: resolve(file) });
  assert.deepEqual(loadConfig({ ...base, BOUNDARY_FILE: file, BOUNDARY_OBJECT: 'prefectures' }).boundaryFile, { path: resolve(file), object: 'prefectures' });
});

test('a BOUNDARY_FILE that does not exist, or is a directory, stops the start with a ConfigError naming it', () => {
  assert.throws(
    () => loadConfig({ ...base, BOUNDARY_FILE: '/nonexistent/prefectures.topo.json' }),
    (e: unknown) => e instanceof ConfigError && e.variable === 'BOUNDARY_FILE' && /not found/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ ...base, BOUNDARY_FILE: tmpdir() }),
    (e: unknown) => e instanceof ConfigError && e.variable === 'BOUNDARY_FILE' && /directory/.test(e.message),
  );
});

test('TRUST_PROXY: unset or false trusts no proxy; a hop count or the proxies’ addresses; never every hop', () => {
  const base = { APP_ENV: 'test' };
  assert.equal(loadConfig(base).trustProxy, false);
  assert.equal(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ ...base, TRUST_PROXY: '0' }).trustProxy, false);
  assert.equal(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy, 1);
  assert.equal(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy, 2);
  assert.deepEqual(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8' }).trustProxy, ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8']);
  for (const bad of ['true', 'yes', '*', '11', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', '300.1.1.1', ',']) {
    assert.throws(
      () => loadConfig({ ...base, TRUST_PROXY: bad }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'TRUST_PROXY',
      bad,
    );
  }
});

test('TOTP_ENCRYPTION_KEY: 32 bytes as hex or base64, required in production, derived elsewhere', () => {
  const hex = 'ab'.repeat(32);
  assert.deepEqual(loadConfig({ APP_ENV: 'test', TOTP_ENCRYPTION_KEY: hex }).totpEncryptionKey, Buffer.from(hex, 'hex'));
  const b64 = Buffer.alloc(32, 7).toString('base64');
  assert.deepEqual(loadConfig({ APP_ENV: 'test', TOTP_ENCRYPTION_KEY: b64 }).totpEncryptionKey, Buffer.alloc(32, 7));
  assert.equal(loadConfig({ APP_ENV: 'development' }).totpEncryptionKey.length, 32, 'a development default');
  assert.deepEqual(loadConfig({ APP_ENV: 'development' }).totpEncryptionKey, loadConfig({ APP_ENV: 'test' }).totpEncryptionKey, 'the same on every start');
  const production = { APP_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
  assert.throws(() => loadConfig(production), (e: unknown) => e instanceof ConfigError && e.variable === 'TOTP_ENCRYPTION_KEY');
  assert.equal(loadConfig({ ...production, TOTP_ENCRYPTION_KEY: hex }).totpEncryptionKey.length, 32);
  for (const bad of ['short', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')]) {
    assert.throws(
      () => loadConfig({ APP_ENV: 'test', TOTP_ENCRYPTION_KEY: bad }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'TOTP_ENCRYPTION_KEY' && !e.message.includes(bad),
      bad,
    );
  }
});
