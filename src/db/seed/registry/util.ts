// Shared helpers of the registry seed: deterministic ids, name → code resolution against the
// master data, and the "insert only what is missing" rule every topic file follows.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DatePrecision } from '../../schema.ts';

/** What each topic seeder receives. */
export interface SeedContext {
  db: Kysely<Database>;
  /** One timestamp for the whole run (created_at / updated_at of new rows). */
  now: string;
  lg: Resolver;
}

/**
 * A UUID-formatted id (36 chars) derived from SHA-1 of a stable key, so that every start computes
 * the same id for the same fact and `onConflict doNothing` finds it (name-based, like a UUID v5).
 */
export function seedId(kind: string, key: string): string {
  const h = createHash('sha1').update(`renkei-seed:${kind}:${key}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A date known to the day, month or year: 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' → first day + precision. */
export function partialDate(d: string | null): { on: string | null; precision: DatePrecision } {
  if (d === null) return { on: null, precision: 'day' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return { on: d, precision: 'day' };
  if (/^\d{4}-\d{2}$/.test(d)) return { on: `${d}-01`, precision: 'month' };
  if (/^\d{4}$/.test(d)) return { on: `${d}-01-01`, precision: 'year' };
  throw new RangeError(`not a (partial) ISO date: ${d}`);
}

/** Resolves names printed in the sources to 全国地方公共団体コード; throws on anything unknown or ambiguous. */
export interface Resolver {
  /** A municipality by prefecture name and municipality name, e.g. ('福島県', '柳津町'). */
  municipality(prefecture: string, name: string): string;
  /** A prefecture's own code (6 digits), e.g. '熊本県' → '430005'. */
  prefecture(name: string): string;
  /** 2-digit JIS prefecture code of a prefecture name. */
  prefectureCode(name: string): string;
  /** A special ward of Tokyo by name. */
  ward(name: string): string;
  hasPrefectureCode(prefectureCode: string): boolean;
  /** 2-digit prefecture code of any local government code. */
  prefectureOf(code: string): string;
}

export async function loadResolver(db: Kysely<Database>): Promise<Resolver> {
  const rows = await db
    .selectFrom('local_governments')
    .select(['code', 'name', 'prefecture_code', 'level', 'is_counted', 'valid_to'])
    .execute();
  const prefectures = new Map<string, { code: string; prefectureCode: string }>();
  const municipalities = new Map<string, string[]>();
  const prefectureOf = new Map<string, string>();
  for (const r of rows) {
    prefectureOf.set(r.code, r.prefecture_code);
    if (r.level === 'prefecture') {
      prefectures.set(r.name, { code: r.code, prefectureCode: r.prefecture_code });
      continue;
    }
    // Rows that have ended, and the uncounted 北方領土 villages (泊村 exists twice in 北海道), are
    // never what a source names.
    if (r.valid_to !== null || !Number(r.is_counted)) continue;
    const key = `${r.prefecture_code}:${r.name}`;
    municipalities.set(key, [...(municipalities.get(key) ?? []), r.code]);
  }
  const prefectureCode = (name: string): string => {
    const p = prefectures.get(name);
    if (!p) throw new Error(`registry seed: prefecture ${name} is not in the master data`);
    return p.prefectureCode;
  };
  const municipality = (prefecture: string, name: string): string => {
    const found = municipalities.get(`${prefectureCode(prefecture)}:${name}`) ?? [];
    if (found.length !== 1) {
      throw new Error(`registry seed: ${prefecture}${name} ${found.length === 0 ? 'is not in the master data' : `is ambiguous (${found.join(', ')})`}`);
    }
    return found[0]!;
  };
  return {
    municipality,
    prefectureCode,
    prefecture(name) {
      const p = prefectures.get(name);
      if (!p) throw new Error(`registry seed: prefecture ${name} is not in the master data`);
      return p.code;
    },
    ward: (name) => municipality('東京都', name),
    hasPrefectureCode: (pc) => [...prefectures.values()].some((p) => p.prefectureCode === pc),
    prefectureOf(code) {
      const p = prefectureOf.get(code);
      if (!p) throw new Error(`registry seed: code ${code} is not in the master data`);
      return p;
    },
  };
}

/** Splits a list into chunks, to keep every statement well under the engines' bound-parameter limits. */
export function chunks<T>(items: readonly T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Common columns of a registry record written by the seed. */
export function recordColumns(now: string, sourceUrl: string | null, notes: string) {
  return { source_url: sourceUrl, notes, provenance: 'seed' as const, created_at: now, updated_at: now, deleted_at: null };
}

/** Joins note fragments, dropping empty ones. */
export function note(...parts: Array<string | null | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}
