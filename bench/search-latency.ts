// The search latency probe of `npm run bench`: a fixed list of realistic queries asked one after
// another (never two at once) against the listening app, so the figures are the time one search
// takes, not the time it waits behind others. The goal: p95 ≤ 20 ms over 100,000
// documents, on each engine. Each query is asked once to warm up, then ROUNDS times measured.
// The same machinery measures the members' board search (its own index, over 100,000 synthetic
// posts, same goal), signed in as the bench's synthetic member.
import type { Engine } from '../src/db/index.ts';


const GOAL_P95_MS = 20;
const ROUNDS = 5;

/** What people type: two-character words, a longer word, one kanji, kana, romaji, nothing, several words, a later page. */
export const PROBE_QUERIES: ReadonlyArray<{ label: string; path: string }> = [
  { label: '防災', path: `/search?q=${encodeURIComponent('防災')}` },
  { label: '観光', path: `/search?q=${encodeURIComponent('観光')}` },
  { label: '物産展', path: `/search?q=${encodeURIComponent('物産展')}` },
  { label: '区', path: `/search?q=${encodeURIComponent('区')}` },
  { label: '祭 (one kanji)', path: `/search?q=${encodeURIComponent('祭')}` },
  { label: 'かんこう (kana)', path: `/search?q=${encodeURIComponent('かんこう')}` },
  { label: 'ちよだ (kana)', path: `/search?q=${encodeURIComponent('ちよだ')}` },
  { label: 'PR (romaji)', path: `/search?q=PR` },
  { label: 'sapporo (romaji, no hit)', path: `/search?q=sapporo` },
  { label: '存在しない言葉 (no hit)', path: `/search?q=${encodeURIComponent('存在しない言葉')}` },
  { label: '観光 物産展 北海道 (3 words)', path: `/search?q=${encodeURIComponent('観光 物産展 北海道')}` },
  { label: '合成 events page 5', path: `/search?q=${encodeURIComponent('合成')}&type=event&page=5` },
  { label: '観光 news page 5', path: `/search?q=${encodeURIComponent('観光')}&type=news&page=5` },
];

/**
 * The members' board search over the synthetic 100,000 posts (bench/synthetic-board.ts): two-character
 * words from very common (連携, 防災, 観光: tens of thousands of posts) to selective (給食, 木育: a
 * few hundred) and absent, asked as the signed-in bench member.
 */
export const BOARD_PROBE_QUERIES: ReadonlyArray<{ label: string; path: string }> = ['連携', '防災', '観光', '物産', '移住', '給食', '木育', '量子'].map((word) => ({
  label: word === '量子' ? `${word} (no hit)` : word,
  path: `/board/search?q=${encodeURIComponent(word)}`,
}));

export interface LatencyProbe {
  /** Named like a target, so BENCH_ONLY selects it (BENCH_ONLY=search: both; BENCH_ONLY=board: the board's). */
  name: string;
  /** How the printed line and latest.json call it. */
  title: string;
  queries: ReadonlyArray<{ label: string; path: string }>;
}

export const searchLatencyProbe: LatencyProbe = { name: 'search latency probe', title: 'search latency', queries: PROBE_QUERIES };
export const boardSearchLatencyProbe: LatencyProbe = { name: 'board search latency probe (synthetic)', title: 'board search latency', queries: BOARD_PROBE_QUERIES };

export interface SearchLatency {
  probe: string;
  engine: Engine;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  goalP95Ms: number;
  meetsGoal: boolean;
  /** Median per query, for finding the slow one. */
  perQuery: Array<{ label: string; medianMs: number; maxMs: number }>;
}

let probeNumber = 0;

/**
 * One search, timed. Each URL carries a parameter of its own (ignored by /search), so the page cache,
 * which keeps a results page by its URL, never answers: every probe request asks the index.
 */
async function timeOne(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  // Never following a redirect: a board search sent to /login (a lost session) must fail, not time the login page.
  const response = await fetch(`${url}&probe=${++probeNumber}`, { headers, redirect: 'manual' });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`search latency probe: ${url} answered ${response.status}`);
  return ms;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function probeSearchLatency(engine: Engine, baseUrl: string, headers: Record<string, string>, probe: LatencyProbe = searchLatencyProbe): Promise<SearchLatency> {
  const queries = probe.queries;
  for (const q of queries) await timeOne(baseUrl + q.path, headers);
  const byQuery = new Map<string, number[]>(queries.map((q) => [q.label, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) byQuery.get(q.label)!.push(await timeOne(baseUrl + q.path, headers));
  }
  const all = [...byQuery.values()].flat().sort((a, b) => a - b);
  const p95Ms = round(percentile(all, 95));
  return {
    probe: probe.title,
    engine,
    samples: all.length,
    p50Ms: round(percentile(all, 50)),
    p95Ms,
    maxMs: round(all.at(-1)!),
    goalP95Ms: GOAL_P95_MS,
    meetsGoal: p95Ms <= GOAL_P95_MS,
    perQuery: queries.map((q) => {
      const times = byQuery.get(q.label)!.sort((a, b) => a - b);
      return { label: q.label, medianMs: round(percentile(times, 50)), maxMs: round(times.at(-1)!) };
    }),
  };
}

export function printSearchLatency(l: SearchLatency): void {
  console.log(`\n${l.probe} (${l.engine}, ${l.samples} sequential requests): p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, max ${l.maxMs} ms — goal p95 ≤ ${l.goalP95Ms} ms: ${l.meetsGoal ? 'met' : 'MISSED'}`);
  for (const q of l.perQuery) console.log(`  ${q.label.padEnd(32)} median ${String(q.medianMs).padStart(7)} ms  max ${String(q.maxMs).padStart(7)} ms`);
}
