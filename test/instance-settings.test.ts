// `npm start` (package.json) and `npm run cluster` / the bench (src/instance-settings.ts) start an
// instance with the same memory settings: the start script spells them out, so this holds the two together.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { instanceEnvironment, instanceNodeFlags } from '../src/instance-settings.ts';

test('npm start sets every variable and flag of src/instance-settings.ts', () => {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['start']!;
  const launch = start.slice(start.lastIndexOf('&&') + 2).trim();
  const expected = [...Object.entries(instanceEnvironment).map(([name, value]) => `${name}=${value}`), 'node', ...instanceNodeFlags, 'dist/server.js'].join(' ');
  assert.equal(launch, expected);
});
