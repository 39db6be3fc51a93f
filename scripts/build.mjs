// `npm run build`: compiles src/ to plain JavaScript in dist/ (tsconfig.build.json) and copies the
// files the compiled code reads beside itself (CSS, images, the import parser's worker entry), so
// that `npm start`, `npm run cluster` and the bench run with plain node instead of through tsx.
// Why: tsx's loader and esbuild cost about 40 MB of every instance's memory (measured with the
// bench volume), and one instance must stay under 250 MB. Plain JavaScript on purpose: it runs
// before anything is compiled. Incremental: a build with nothing changed takes a few seconds.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'src');
const output = join(root, 'dist');
const compiledExtensions = new Set(['.ts', '.tsx']);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  // A half-built dist/ must never start: remove the build record so the next build starts over.
  rmSync(join(output, '.tsbuildinfo'), { force: true });
  process.stderr.write('build failed: the type check above found errors in src/\n');
  process.exit(compiled.status ?? 1);
}

let copied = 0;
for (const file of filesUnder(source)) {
  if (compiledExtensions.has(extname(file)) || extname(file) === '.md') continue;
  cpSync(file, join(output, relative(source, file)));
  copied++;
}
process.stdout.write(`built dist/ (${copied} other file(s) copied)\n`);

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}
