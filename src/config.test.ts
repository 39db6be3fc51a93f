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
