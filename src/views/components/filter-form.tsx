// The pieces of a GET filter form above a public list (連携事業一覧, 協定一覧 …): a select with an
// 「すべて」 choice (optionally in groups), a keyword box with its hint, the page-number error and the
// apply/clear buttons. Field ids are `filter-<name>`, which the error summary links to.
import type { PageContext } from '../context.ts';
import { formatCount } from '../format.ts';
import { FieldErrorMessage } from './error-summary.tsx';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterOptionGroup {
  group: string;
  options: FilterOption[];
}

export function FilterSelect(p: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  error?: string;
  /** A line under the label (e.g. how to get more choices). */
  hint?: string;
  options: Array<FilterOption | FilterOptionGroup>;
}): JSX.Element {
  const id = `filter-${p.name}`;
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const option = (o: FilterOption) => (
    <option value={o.value} selected={o.value === p.value} safe>
      {o.label}
    </option>
  );
  return (
    <div class="rk-field">
      <label class="rk-label" for={id} safe>
        {p.label}
      </label>
      {p.hint ? (
        <p id={`${id}-hint`} class="rk-hint" safe>
          {p.hint}
        </p>
      ) : (
        ''
      )}
      <FieldErrorMessage ctx={p.ctx} id={id} message={p.error} />
      <select id={id} class="rk-select" name={p.name} aria-describedby={describedBy || undefined} aria-invalid={p.error ? 'true' : undefined}>
        <option value="">{p.ctx.t('すべて', 'All')}</option>
        {p.options.map((o) => ('group' in o ? <optgroup label={o.group}>{o.options.map(option)}</optgroup> : option(o)))}
      </select>
    </div>
  );
}

export function FilterKeyword(p: { ctx: PageContext; value: string; error?: string; hint: string }): JSX.Element {
  const describedBy = ['filter-q-hint', p.error ? 'filter-q-error' : ''].filter(Boolean).join(' ');
  return (
    <div class="rk-field">
      <label class="rk-label" for="filter-q">
        {p.ctx.t('キーワード', 'Keywords')}
      </label>
      <p id="filter-q-hint" class="rk-hint" safe>
        {p.hint}
      </p>
      <FieldErrorMessage ctx={p.ctx} id="filter-q" message={p.error} />
      <input id="filter-q" class="rk-input" type="search" name="q" value={p.value} maxlength="200" aria-describedby={describedBy} aria-invalid={p.error ? 'true' : undefined} />
    </div>
  );
}

/** The error of the page number, which has no field of its own. */
export function FilterPageError({ ctx, message }: { ctx: PageContext; message?: string }): JSX.Element {
  if (!message) return '';
  return (
    <div id="filter-page" tabindex="-1">
      <FieldErrorMessage ctx={ctx} id="filter-page" message={message} />
    </div>
  );
}

export function FilterActions({ ctx, clearHref }: { ctx: PageContext; clearHref: string }): JSX.Element {
  return (
    <div class="rk-filter__actions">
      <button class="rk-button" type="submit">
        {ctx.t('この条件で表示', 'Apply')}
      </button>
      <a class="rk-button rk-button--secondary" href={clearHref}>
        {ctx.t('条件をクリア', 'Clear')}
      </a>
    </div>
  );
}

/** 「この条件のN件をダウンロード：CSV / Excel(XLSX)」, links carrying the list's filter. */
export function ExportLinks({ ctx, base, query, total }: { ctx: PageContext; base: string; query: string; total: number }): JSX.Element {
  const suffix = query ? `?${query}` : '';
  return (
    <p class="rk-actions">
      <span safe>{ctx.tFormat(`この条件の${formatCount(total)}件をダウンロード：`, `Download these ${formatCount(total)} records:`)}</span>
      <a class="rk-button rk-button--secondary" href={`${base}.csv${suffix}`}>
        CSV
      </a>
      <a class="rk-button rk-button--secondary" href={`${base}.xlsx${suffix}`}>
        {ctx.t('Excel(XLSX)', 'Excel (XLSX)')}
      </a>
    </p>
  );
}

export function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}
