// Checks every ward file against the master data and the vocabulary, without a database: names
// resolve to exactly one current municipality, dates are (partial) ISO dates, source keys exist,
// keys are unique. Used by ward-partners.test.ts and by report.ts.
import { isPrefectureCode } from '../../../../domain/local-gov-code.ts';
import { loadLocalGovernments } from '../../local-governments.ts';
import { agreementTypes } from '../../wards.ts';
import { wardPartnerFiles } from './index.ts';
import type { WardAgreementSeed, WardPartnersFile } from './types.ts';

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface ResolvedAgreement {
  seed: WardAgreementSeed;
  file: WardPartnersFile;
  wardCodes: string[];
  partnerCodes: string[];
}

export interface CheckResult {
  problems: string[];
  agreements: ResolvedAgreement[];
}

export function checkWardPartnerFiles(files: readonly WardPartnersFile[] = wardPartnerFiles): CheckResult {
  const rows = loadLocalGovernments();
  const prefectures = new Map(rows.filter((r) => r.level === 'prefecture').map((r) => [r.name, r]));
  const municipalities = new Map<string, string[]>();
  for (const r of rows) {
    if (r.level !== 'municipality' || !r.is_counted) continue;
    const key = `${r.prefecture_code}:${r.name}`;
    municipalities.set(key, [...(municipalities.get(key) ?? []), r.code]);
  }
  const problems: string[] = [];
  const types = new Map<string, string>(agreementTypes.map(([id, name, nameEn, category]) => [id, JSON.stringify([name, nameEn, category])]));
  for (const f of files) {
    for (const t of f.types ?? []) {
      const definition = JSON.stringify([t.name, t.nameEn, t.category]);
      const known = types.get(t.id);
      if (known !== undefined && known !== definition) problems.push(`${f.ward}: type ${t.id} is defined differently elsewhere`);
      types.set(t.id, definition);
    }
  }
  const resolve = (where: string, pref: string, name?: string): string | null => {
    const p = prefectures.get(pref);
    if (!p) return problems.push(`${where}: prefecture ${pref} unknown`), null;
    if (name === undefined) return p.code;
    const found = municipalities.get(`${p.prefecture_code}:${name}`) ?? [];
    if (found.length !== 1) return problems.push(`${where}: ${pref}${name} ${found.length ? 'ambiguous' : 'not a current municipality'}`), null;
    return found[0]!;
  };
  const keys = new Set<string>();
  const agreements: ResolvedAgreement[] = [];
  for (const f of files) {
    if (!f.ward.endsWith('区')) problems.push(`file for ${f.ward}: not a ward name`);
    for (const [k, s] of Object.entries(f.sources)) {
      if (s.statedOn !== null && !PARTIAL_DATE.test(s.statedOn)) problems.push(`${f.ward} source ${k}: statedOn ${s.statedOn}`);
      if (s.url !== null && !/^https?:\/\//.test(s.url)) problems.push(`${f.ward} source ${k}: url ${s.url}`);
      if (!s.title.trim() || !s.publisher.trim()) problems.push(`${f.ward} source ${k}: title and publisher are required`);
    }
    for (const a of f.agreements) {
      const where = `${f.ward} ${a.key}`;
      if (keys.has(a.key)) problems.push(`${where}: duplicate key`);
      keys.add(a.key);
      if (!types.has(a.type)) problems.push(`${where}: unknown type ${a.type}`);
      for (const d of [a.signed, a.ended ?? null, ...(a.resigned ?? [])]) if (d !== null && !PARTIAL_DATE.test(d)) problems.push(`${where}: date ${d}`);
      if (a.sources.length === 0) problems.push(`${where}: no source`);
      for (const s of a.sources) if (!(s in f.sources)) problems.push(`${where}: source key ${s} missing`);
      if (a.partners.length === 0) problems.push(`${where}: no partner`);
      const wardCodes = (a.wards ?? [f.ward]).map((w) => resolve(where, '東京都', w)).filter((c): c is string => c !== null);
      const partnerCodes = a.partners.map(([pref, name]) => resolve(where, pref, name)).filter((c): c is string => c !== null);
      agreements.push({ seed: a, file: f, wardCodes, partnerCodes });
    }
  }
  return { problems, agreements };
}

/** Distinct partner municipalities (prefectures excluded) of agreements signed on or before asOf or undated. */
export function partnerCounts(agreements: readonly ResolvedAgreement[], asOf: string) {
  const live = (a: ResolvedAgreement) => {
    const start = a.seed.signed === null ? null : a.seed.signed.padEnd(10, a.seed.signed.length === 4 ? '-01-01' : '-01');
    const end = a.seed.ended ?? null;
    return (start === null || start <= asOf) && (end === null || end > asOf);
  };
  const byWard = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const a of agreements) {
    if (!live(a)) continue;
    for (const w of a.wardCodes) {
      const set = byWard.get(w) ?? new Set<string>();
      for (const p of a.partnerCodes) if (!isPrefectureCode(p)) (set.add(p), all.add(p));
      byWard.set(w, set);
    }
  }
  const sumOverWards = [...byWard.values()].reduce((n, s) => n + s.size, 0);
  return { distinct: all.size, sumOverWards, byWard };
}
