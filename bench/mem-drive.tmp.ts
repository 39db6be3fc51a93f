import { variedTargets } from './varied-urls.ts';
const base = 'http://127.0.0.1:4100';
for (const target of variedTargets()) {
  const paths = target.paths.slice(0, 800);
  let i = 0;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (i < paths.length) { const p = paths[i++]!; const r = await fetch(base + p, { headers: { 'accept-encoding': 'gzip, br' } }); await r.arrayBuffer(); }
  }));
  console.log(target.name, Date.now() - t0, 'ms');
  await new Promise((r) => setTimeout(r, 5200));
}
