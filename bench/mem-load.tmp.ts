import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { variedTargets } from './varied-urls.ts';
const pid = Number(process.argv[2]);
const paths = variedTargets().flatMap((t) => t.paths.slice(0, 300));
const rss = () => { const s = readFileSync(`/proc/${pid}/status`, 'utf8'); return `rss=${Math.round(Number(/VmRSS:\s+(\d+)/.exec(s)![1]) / 1024)} hwm=${Math.round(Number(/VmHWM:\s+(\d+)/.exec(s)![1]) / 1024)}`; };
let i = 0;
const result = await autocannon({ url: 'http://127.0.0.1:4100', connections: 50, duration: Number(process.env.D ?? 40), headers: { 'accept-encoding': 'gzip, deflate, br' }, requests: [{ setupRequest: (req: any) => ({ ...req, path: paths[(i++ * 7919) % paths.length] }) }] });
console.log('req/s', result.requests.average, 'after load', rss());
for (let s = 0; s < 6; s++) { await new Promise((r) => setTimeout(r, 5000)); console.log(`+${(s + 1) * 5}s`, rss()); }
