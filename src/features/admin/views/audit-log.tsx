// The audit log (/admin/audit, 監査ログ): filter by action, person and dates, newest events first.
import type { PageContext } from '../../../views/context.ts';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../../views/components/error-summary.tsx';
import { auditActionLabel, auditActions, auditFilterHref, type AuditFilter, type AuditFilterInput } from '../form.ts';
import { auditPageSize, type AuditEntry } from '../queries.ts';
import { FilterForm, FilterResults, FilterSelect, SearchField } from './filter-form.tsx';
import { AdminLayout, AuditTable, describedBy, errorOf, sharedText } from './shared.tsx';

export interface AuditPageProps {
  ctx: PageContext;
  input: AuditFilterInput;
  errors: FieldError[];
  result?: { filter: AuditFilter; total: number; items: AuditEntry[] };
}

export function AuditPage({ ctx, input, errors, result }: AuditPageProps): JSX.Element {
  const errorFor = (field: keyof AuditFilterInput) => errorOf(errors, `audit-${field}`);
  return (
    <AdminLayout ctx={ctx} title={sharedText(ctx, 'auditLog')} current="audit" hasErrors={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t('ログイン、申請の審査、権限の変更などの記録です（新しい順、日時は日本時間）。', 'Sign-ins, decisions, permission changes and other events, newest first (Japan time).')}
      </p>
      <FilterForm ctx={ctx} action="/admin/audit" label={ctx.t('監査ログの絞り込み', 'Filter the audit log')} pageErrorId="audit-page" pageError={errorFor('page')}>
        <div class="rk-filter__row">
          <FilterSelect
            ctx={ctx}
            id="audit-action"
            name="action"
            label={sharedText(ctx, 'action')}
            error={errorFor('action')}
            options={auditActions.map((action) => ({ value: action, label: auditActionLabel(ctx, action) }))}
            selected={input.action}
          />
          <SearchField
            ctx={ctx}
            id="audit-actor"
            name="actor"
            label={ctx.t('実行者のメールアドレス', 'Email of the person')}
            hint={ctx.t('一部だけでも検索できます。', 'Part of the address is enough.')}
            error={errorFor('actor')}
            value={input.actor}
            maxlength={254}
          />
        </div>
        <div class="rk-filter__row">
          <DateField ctx={ctx} name="from" label={ctx.t('開始日', 'From')} value={input.from} error={errorFor('from')} />
          <DateField ctx={ctx} name="to" label={ctx.t('終了日', 'To')} value={input.to} error={errorFor('to')} />
        </div>
      </FilterForm>
      {result ? <AuditResults ctx={ctx} result={result} /> : ''}
    </AdminLayout>
  );
}

function DateField({ ctx, name, label, value, error }: { ctx: PageContext; name: 'from' | 'to'; label: string; value: string; error: string | undefined }): JSX.Element {
  const id = `audit-${name}`;
  return (
    <div class="rk-field">
      <label class="rk-label" for={id} safe>
        {label}
      </label>
      <p id={`${id}-hint`} class="rk-hint">
        {ctx.t('例：2026-04-01（日本時間）', 'e.g. 2026-04-01 (Japan time)')}
      </p>
      <FieldErrorMessage ctx={ctx} id={id} message={error} />
      <input
        id={id}
        class="rk-input rk-input--short"
        type="date"
        name={name}
        value={value}
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

function AuditResults({ ctx, result }: { ctx: PageContext; result: NonNullable<AuditPageProps['result']> }): JSX.Element {
  const { filter, total, items } = result;
  return (
    <FilterResults
      ctx={ctx}
      heading={ctx.t('記録', 'Events')}
      total={total}
      page={filter.page}
      pageSize={auditPageSize}
      noneText={ctx.t('条件に合う記録はありません。', 'No event matches.')}
      hrefFor={(page) => auditFilterHref({ ...filter, page })}
    >
      {items.length > 0 ? <AuditTable ctx={ctx} items={items} caption={sharedText(ctx, 'auditLog')} /> : ''}
    </FilterResults>
  );
}
