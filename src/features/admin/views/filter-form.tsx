// The filter form and results section shared by the account list and the audit log (事務局).
import type { Children } from '@kitajs/html';
import type { PageContext } from '../../../views/context.ts';
import { FieldErrorMessage } from '../../../views/components/error-summary.tsx';
import { pageCount, Pagination, resultRangeText } from '../../../views/components/pagination.tsx';
import { describedBy } from './shared.tsx';

interface FilterFormProps {
  ctx: PageContext;
  /** The list's own path: the form submits to it, and 「条件をクリア」 links to it. */
  action: string;
  label: string;
  /** Id of the page number's error message, and the message when the page number was invalid. */
  pageErrorId: string;
  pageError: string | undefined;
  children?: Children;
}

export function FilterForm({ ctx, action, label, pageErrorId, pageError, children }: FilterFormProps): JSX.Element {
  return (
    <form class="rk-filter" action={action} method="get" role="search" aria-label={label}>
      {children}
      {pageError ? (
        <div id={pageErrorId} tabindex="-1">
          <FieldErrorMessage ctx={ctx} id={pageErrorId} message={pageError} />
        </div>
      ) : (
        ''
      )}
      <div class="rk-filter__actions">
        <button class="rk-button" type="submit">
          {ctx.t('この条件で表示', 'Apply')}
        </button>
        <a class="rk-button rk-button--secondary" href={action}>
          {ctx.t('条件をクリア', 'Clear')}
        </a>
      </div>
    </form>
  );
}

interface SearchFieldProps {
  ctx: PageContext;
  id: string;
  name: string;
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  maxlength: number;
}

export function SearchField({ ctx, id, name, label, hint, error, value, maxlength }: SearchFieldProps): JSX.Element {
  return (
    <div class="rk-field">
      <label class="rk-label" for={id} safe>
        {label}
      </label>
      <p id={`${id}-hint`} class="rk-hint" safe>
        {hint}
      </p>
      <FieldErrorMessage ctx={ctx} id={id} message={error} />
      <input
        id={id}
        class="rk-input"
        type="search"
        name={name}
        value={value}
        maxlength={String(maxlength)}
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

interface FilterSelectProps {
  ctx: PageContext;
  id: string;
  name: string;
  label: string;
  error: string | undefined;
  /** The choices after 「すべて」 (no filter). */
  options: Array<{ value: string; label: string }>;
  selected: string;
}

export function FilterSelect({ ctx, id, name, label, error, options, selected }: FilterSelectProps): JSX.Element {
  return (
    <div class="rk-field">
      <label class="rk-label" for={id} safe>
        {label}
      </label>
      <FieldErrorMessage ctx={ctx} id={id} message={error} />
      <select id={id} class="rk-select" name={name} aria-describedby={describedBy(id, false, error)} aria-invalid={error ? 'true' : undefined}>
        <option value="">{ctx.t('すべて', 'All')}</option>
        {options.map((option) => (
          <option value={option.value} selected={option.value === selected} safe>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface FilterResultsProps {
  ctx: PageContext;
  heading: string;
  total: number;
  page: number;
  pageSize: number;
  /** The status line when nothing matches. */
  noneText: string;
  hrefFor: (page: number) => string;
  children?: Children;
}

/** The results below a filter form: heading, 「n件中…」 status, the table (children), page links. */
export function FilterResults({ ctx, heading, total, page, pageSize, noneText, hrefFor, children }: FilterResultsProps): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby="results-title">
      <h2 id="results-title" class="rk-heading-2" safe>
        {heading}
      </h2>
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, total, page, pageSize, noneText)}
      </p>
      {children}
      <Pagination ctx={ctx} page={page} pages={pageCount(total, pageSize)} hrefFor={hrefFor} />
    </section>
  );
}
