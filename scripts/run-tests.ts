// `npm test`: every *.test.ts(x) under src/ and test/, through Node's test runner with tsx.
// (Node 20's --test does not expand globs itself.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(path);
    return /\.test\.tsx?$/.test(entry.name) ? [relative(process.cwd(), path)] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : [...findTests('src'), ...findTests('test')].sort();
// Test files run in processes of their own, two at a time on a 2-core machine (Node's default is
// cores − 1, i.e. one at a time there): much of a file's time is waiting (its start, PostgreSQL,
// child processes), which the other file fills. TEST_CONCURRENCY overrides it.
const concurrency = process.env.TEST_CONCURRENCY ?? String(Math.max(2, availableParallelism() - 1));
// A test that hangs (e.g. a browser waiting for something that never comes) fails after 10 minutes
// instead of holding the whole run until CI's limit.
const testTimeoutMs = process.env.TEST_TIMEOUT_MS ?? '600000';
// The process tests (test/processes.ts) start the compiled server, as `npm start` does: build it once.
mkdirSync('test-results', { recursive: true });
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, `--test-timeout=${testTimeoutMs}`, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/file-times-reporter.mjs', '--test-reporter-destination=test-results/file-times.txt', ...files], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', RENKEI_BUILT: '1' },
});
process.exit(result.status ?? 1);
