// The list page's filter form (a GET form): raw query string in, typed filter or field errors out.
import { z } from 'zod';
import type { PageContext } from '../../views/context.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { regions, type RegionId } from '../../domain/regions.ts';
import { projectFields } from '../registry/index.ts';

export const kindFilters = ['市', '町', '村', '特別区', '政令指定都市'] as const;
export type KindFilter = (typeof kindFilters)[number];
export const sortOrders = ['kana', 'code'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface MunicipalityFilter {
  q: string;
  pref: string;
  kind: KindFilter | '';
  /** 地方区分 (e.g. 'tohoku'). */
  region: RegionId | '';
  /** A collaboration field (1–6) a municipality's PR page names; implies a PR page. */
  field: number | null;
  /** Only municipalities with a visible PR page. */
  pr: boolean;
  sort: SortOrder;
  page: number;
}

/** What the user typed, echoed back into the form unchanged when there are errors. */
export type FilterInput = Record<(typeof filterKeys)[number], string>;

const filterKeys = ['q', 'pref', 'region', 'kind', 'field', 'pr', 'sort', 'page'] as const;

const messages = {
  q: { ja: '検索語は100文字以内で入力してください。', en: 'Enter at most 100 characters.' },
  pref: { ja: '都道府県は一覧から選んでください。', en: 'Choose a prefecture from the list.' },
  kind: { ja: '区分は一覧から選んでください。', en: 'Choose a kind from the list.' },
  region: { ja: '地方は一覧から選んでください。', en: 'Choose a region from the list.' },
  field: { ja: '連携したい分野は一覧から選んでください。', en: 'Choose a field from the list.' },
  pr: { ja: '「PRページあり」の指定が正しくありません。', en: 'The PR page option is not valid.' },
  sort: { ja: '並び順は一覧から選んでください。', en: 'Choose an order from the list.' },
  page: { ja: 'ページ番号は1以上の数字で指定してください。', en: 'The page must be a number from 1.' },
} as const;
type Field = keyof typeof messages;

const text = z.string().transform((s) => s.normalize('NFKC').trim());
const schema = z.object({
  q: text.pipe(z.string().max(100)).default(''),
  pref: text.pipe(z.union([z.literal(''), z.string().regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/)])).default(''),
  kind: text.pipe(z.union([z.literal(''), z.enum(kindFilters)])).default(''),
  region: text.pipe(z.union([z.literal(''), z.enum(regions.map((r) => r.id) as [RegionId, ...RegionId[]])])).default(''),
  field: text
    .pipe(z.union([z.literal(''), z.enum(projectFields.map((f) => String(f.number)) as [string, ...string[]])]))
    .default('')
    .transform((s) => (s === '' ? null : Number(s))),
  pr: text.pipe(z.union([z.literal(''), z.literal('1')])).default('').transform((s) => s === '1'),
  sort: text.pipe(z.union([z.literal(''), z.enum(sortOrders)])).default('').transform((s): SortOrder => (s === '' ? 'kana' : s)),
  page: text.pipe(z.union([z.literal('').transform(() => 1), z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().int().min(1))])).default(1),
});

export type ParsedFilter = { ok: true; filter: MunicipalityFilter; input: FilterInput } | { ok: false; errors: FieldError[]; input: FilterInput };

export function parseFilter(ctx: PageContext, query: unknown): ParsedFilter {
  const raw = (query ?? {}) as Record<string, unknown>;
  const input = Object.fromEntries(
    filterKeys.map((k) => [k, typeof raw[k] === 'string' ? raw[k] : '']),
  ) as FilterInput;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, filter: result.data, input };
  const fields = new Set(result.error.issues.map((i) => String(i.path[0]) as Field));
  const errors = [...fields].filter((f) => f in messages).map((f) => ({ field: `filter-${f}`, message: ctx.t(messages[f].ja, messages[f].en) }));
  return { ok: false, errors, input };
}

/** The list URL for a filter, without empty or default parameters. */
export function filterHref(filter: Omit<MunicipalityFilter, 'page'> & { page?: number }): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.pref) params.set('pref', filter.pref);
  if (filter.region) params.set('region', filter.region);
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.field !== null) params.set('field', String(filter.field));
  if (filter.pr) params.set('pr', '1');
  if (filter.sort !== 'kana') params.set('sort', filter.sort);
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  const qs = params.toString();
  return qs ? `/municipalities?${qs}` : '/municipalities';
}
