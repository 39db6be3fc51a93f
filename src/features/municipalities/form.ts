// The list page's filter form (a GET form): raw query string in, typed filter or field errors out.
import { z } from 'zod';
import type { PageContext } from '../../views/context.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';

export const kindFilters = ['市', '町', '村', '特別区', '政令指定都市'] as const;
export type KindFilter = (typeof kindFilters)[number];
export const sortOrders = ['kana', 'code'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface MunicipalityFilter {
  q: string;
  pref: string;
  kind: KindFilter | '';
  sort: SortOrder;
  page: number;
}

/** What the user typed, echoed back into the form unchanged when there are errors. */
export type FilterInput = Record<'q' | 'pref' | 'kind' | 'sort' | 'page', string>;

const messages = {
  q: { ja: '検索語は100文字以内で入力してください。', en: 'Enter at most 100 characters.' },
  pref: { ja: '都道府県は一覧から選んでください。', en: 'Choose a prefecture from the list.' },
  kind: { ja: '区分は一覧から選んでください。', en: 'Choose a kind from the list.' },
  sort: { ja: '並び順は一覧から選んでください。', en: 'Choose an order from the list.' },
  page: { ja: 'ページ番号は1以上の数字で指定してください。', en: 'The page must be a number from 1.' },
} as const;
type Field = keyof typeof messages;

const text = z.string().transform((s) => s.normalize('NFKC').trim());
const schema = z.object({
  q: text.pipe(z.string().max(100)).default(''),
  pref: text.pipe(z.union([z.literal(''), z.string().regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/)])).default(''),
  kind: text.pipe(z.union([z.literal(''), z.enum(kindFilters)])).default(''),
  sort: text.pipe(z.union([z.literal(''), z.enum(sortOrders)])).default('').transform((s): SortOrder => (s === '' ? 'kana' : s)),
  page: text.pipe(z.union([z.literal('').transform(() => 1), z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().int().min(1))])).default(1),
});

export type ParsedFilter = { ok: true; filter: MunicipalityFilter; input: FilterInput } | { ok: false; errors: FieldError[]; input: FilterInput };

export function parseFilter(ctx: PageContext, query: unknown): ParsedFilter {
  const raw = (query ?? {}) as Record<string, unknown>;
  const input = Object.fromEntries(
    (['q', 'pref', 'kind', 'sort', 'page'] as const).map((k) => [k, typeof raw[k] === 'string' ? raw[k] : '']),
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
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.sort !== 'kana') params.set('sort', filter.sort);
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  const qs = params.toString();
  return qs ? `/municipalities?${qs}` : '/municipalities';
}
