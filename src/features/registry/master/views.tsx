// The registry pages, shared by every record kind: the list with its deleted records, the form
// (new and edit), and the change history. A kind's extra section (a group's exceptions, a
// disaster's support lines, a plan item's progress) comes in as `detail`.
import type { Children } from '@kitajs/html';
import type { RecordChangeAction } from '../../../db/schema.ts';
import type { RecordChangeView } from '../shared/history.ts';
import { changedKeys } from '../shared/history.ts';
import type { PageContext } from '../../../views/context.ts';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import { noticeText, type NoticeKey } from '../shared/notices.ts';
import { formatCount, formatDateTime } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import { formatPartialDate, say, type Wording } from '../shared/labels.tsx';
import { fieldId, isReadonly, type FieldSpec, type FormInput, type KindFrame, type ListItem, type Option } from './kit.ts';

// ---------------------------------------------------------------------------------------------
// Frame

/** Every kind of the menu, in the order of the pamphlet. */
export interface MenuEntry {
  slug: string;
  title: Wording;
}


interface RegistryLayoutProps {
  ctx: PageContext;
  menu: MenuEntry[];
  title: string;
  current: string;
  parents?: Array<{ href: string; label: string }>;
  hasErrors?: boolean;
  notice?: NoticeKey;
  errors?: FieldError[];
  children?: Children;
}

export function RegistryLayout({ ctx, menu, title, current, parents = [], hasErrors = false, notice, errors = [], children }: RegistryLayoutProps): JSX.Element {
  // The registry overview (/registry, registry/overview) links here; the crumbs lead back to it.
  const crumbs = [{ href: '/', label: ctx.t('トップ', 'Home') }, { href: '/registry', label: ctx.t('連携記録の管理', 'Registry management') }, ...parents, { label: title }];
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} section="none" breadcrumbs={crumbs}>
      <nav class="rk-section" aria-label={ctx.t('連携の記録の編集メニュー', 'Registry menu')}>
        <ul class="rk-admin-nav">
          <li>
            <a href="/registry">{ctx.t('管理トップ', 'Overview')}</a>
          </li>
          {menu.map((m) => (
            <li>
              <a href={`/registry/${m.slug}`} aria-current={m.slug === current && parents.length === 0 ? 'page' : undefined} safe>
                {say(ctx, m.title)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      {notice ? <SuccessNotice message={noticeText(ctx, notice)} /> : ''}
      <ErrorSummary ctx={ctx} errors={errors} />
      {children}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------
// List

export interface ListPageProps {
  ctx: PageContext;
  menu: MenuEntry[];
  kind: KindFrame;
  /** The table's column headings (the kind's, or computed, e.g. one per 年度). */
  columns: Wording[];
  items: ListItem[];
  notice?: NoticeKey;
  errors?: FieldError[];
}

export function ListPage({ ctx, menu, kind, columns, items, notice, errors = [] }: ListPageProps): JSX.Element {
  const base = `/registry/${kind.slug}`;
  const live = items.filter((i) => i.deletedAt === null);
  const deleted = items.filter((i) => i.deletedAt !== null);
  return (
    <RegistryLayout ctx={ctx} menu={menu} title={say(ctx, kind.title)} current={kind.slug} notice={notice} errors={errors} hasErrors={errors.length > 0}>
      <p class="rk-lead" safe>
        {say(ctx, kind.lead)}
      </p>
      {kind.canCreate ? (
        <p>
          <a class="rk-button" href={`${base}/new`} safe>
            {ctx.tFormat(`${kind.noun.ja}を登録する`, `Add a ${kind.noun.en}`)}
          </a>
        </p>
      ) : (
        ''
      )}
      <section class="rk-section" aria-labelledby="records-title" id="f-record">
        <h2 id="records-title" class="rk-heading-2">
          {ctx.t('記録', 'Records')}
        </h2>
        <p class="rk-result-count" safe>
          {ctx.tFormat(`${formatCount(live.length)}件`, `${formatCount(live.length)} record(s)`)}
        </p>
        {live.length === 0 ? <p>{ctx.t('記録はまだありません。', 'No records yet.')}</p> : <RecordTable ctx={ctx} kind={kind} columns={columns} items={live} caption={say(ctx, kind.title)} />}
      </section>
      {kind.canDelete ? <DeletedSection ctx={ctx} kind={kind} columns={columns} items={deleted} /> : ''}
    </RegistryLayout>
  );
}

function RecordTableHead({ ctx, columns }: { ctx: PageContext; columns: Wording[] }): JSX.Element {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th scope="col" safe>
            {say(ctx, c)}
          </th>
        ))}
        <th scope="col">{ctx.t('操作', 'Actions')}</th>
      </tr>
    </thead>
  );
}

function RecordTable({ ctx, kind, columns, items, caption }: { ctx: PageContext; kind: KindFrame; columns: Wording[]; items: ListItem[]; caption: string }): JSX.Element {
  const base = `/registry/${kind.slug}`;
  return (
    <div class="rk-table-wrap">
      <table class="rk-table">
        <caption class="rk-visually-hidden" safe>
          {caption}
        </caption>
        <RecordTableHead ctx={ctx} columns={columns} />
        <tbody>
          {items.map((item) => (
            <tr>
              {item.cells.map((cell, i) =>
                i === 0 ? (
                  <th scope="row">
                    {item.editable === false ? (
                      <span safe>{cell}</span>
                    ) : (
                      <a href={`${base}/${encodeURIComponent(item.id)}`} safe>
                        {cell || ctx.t('（名称なし）', '(untitled)')}
                      </a>
                    )}
                  </th>
                ) : (
                  <td safe>{cell}</td>
                ),
              )}
              <td>
                <a href={`${base}/${encodeURIComponent(item.id)}/history`}>
                  {ctx.t('変更履歴', 'History')}
                  <span class="rk-visually-hidden" safe>
                    {ctx.tFormat(`（${item.cells[0] ?? ''}）`, ` (${item.cells[0] ?? ''})`)}
                  </span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The deleted records of a kind, each with a restore button. */
export function DeletedSection({ ctx, kind, columns, items }: { ctx: PageContext; kind: KindFrame; columns: Wording[]; items: ListItem[] }): JSX.Element {
  const base = `/registry/${kind.slug}`;
  return (
    <section class="rk-section" aria-labelledby="deleted-title">
      <h2 id="deleted-title" class="rk-heading-2">
        {ctx.t('削除した記録', 'Deleted records')}
      </h2>
      {items.length === 0 ? (
        <p>{ctx.t('削除した記録はありません。', 'No deleted records.')}</p>
      ) : (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('削除した記録', 'Deleted records')}</caption>
            <RecordTableHead ctx={ctx} columns={columns} />
            <tbody>
              {items.map((item) => (
                <tr>
                  {item.cells.map((cell, i) => (i === 0 ? <th scope="row" safe>{cell}</th> : <td safe>{cell}</td>))}
                  <td>
                    <form class="rk-actions" action={`${base}/${encodeURIComponent(item.id)}/restore`} method="post">
                      <CsrfField ctx={ctx} />
                      <button class="rk-button rk-button--secondary" type="submit">
                        {ctx.t('復元する', 'Restore')}
                        <span class="rk-visually-hidden" safe>
                          {ctx.tFormat(`（${item.cells[0] ?? ''}）`, ` (${item.cells[0] ?? ''})`)}
                        </span>
                      </button>
                    </form>
                    <a href={`${base}/${encodeURIComponent(item.id)}/history`}>
                      {ctx.t('変更履歴', 'History')}
                      <span class="rk-visually-hidden" safe>
                        {ctx.tFormat(`（${item.cells[0] ?? ''}）`, ` (${item.cells[0] ?? ''})`)}
                      </span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Form

export interface FormPageProps {
  ctx: PageContext;
  menu: MenuEntry[];
  kind: KindFrame;
  mode: 'new' | 'edit';
  id?: string;
  /** The record's name, for the title of an edit page. */
  name?: string;
  input: FormInput;
  errors?: FieldError[];
  choices?: Record<string, Option[]>;
  deleted?: boolean;
  notice?: NoticeKey;
  /** The kind's extra section (after the form, before the delete button). */
  children?: Children;
}

export function FormPage(p: FormPageProps): JSX.Element {
  const { ctx, kind, mode, id, input, errors = [], choices = {} } = p;
  const base = `/registry/${kind.slug}`;
  const title =
    mode === 'new' ? ctx.tFormat(`${kind.noun.ja}の登録`, `New ${kind.noun.en}`) : ctx.tFormat(`${p.name ?? ''}の編集`, `Edit: ${p.name ?? ''}`);
  const action = mode === 'new' ? base : `${base}/${encodeURIComponent(id ?? '')}`;
  return (
    <RegistryLayout
      ctx={ctx}
      menu={p.menu}
      title={title}
      current={kind.slug}
      parents={[{ href: base, label: say(ctx, kind.title) }]}
      hasErrors={errors.length > 0}
      notice={p.notice}
      errors={errors}
    >
      {p.deleted ? (
        <p class="rk-note">{ctx.t('この記録は削除されています。一覧の「削除した記録」から復元できます。', 'This record is deleted. Restore it from “Deleted records” on the list.')}</p>
      ) : (
        ''
      )}
      {mode === 'edit' ? (
        <p>
          <a class="rk-link-arrow" href={`${base}/${encodeURIComponent(id ?? '')}/history`}>
            {ctx.t('この記録の変更履歴', 'History of this record')}
          </a>
        </p>
      ) : (
        ''
      )}
      <form class="rk-form" action={action} method="post" novalidate>
        <CsrfField ctx={ctx} />
        <Fields ctx={ctx} fields={kind.fields} input={input} errors={errors} choices={choices} mode={mode} />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {mode === 'new' ? ctx.t('登録する', 'Create') : ctx.t('変更を保存する', 'Save changes')}
          </button>
          <a href={base}>{ctx.t('一覧に戻る', 'Back to the list')}</a>
        </div>
      </form>
      {p.children}
      {mode === 'edit' && kind.canDelete && !p.deleted ? (
        <section class="rk-section" aria-labelledby="delete-title" id="f-record">
          <h2 id="delete-title" class="rk-heading-2">
            {ctx.t('削除', 'Delete')}
          </h2>
          <p>{ctx.t('削除した記録は一覧に表示されなくなりますが、変更履歴とともに残り、あとで復元できます。', 'A deleted record leaves the lists but is kept with its history and can be restored.')}</p>
          <form class="rk-actions" action={`${base}/${encodeURIComponent(id ?? '')}/delete`} method="post">
            <CsrfField ctx={ctx} />
            <button class="rk-button rk-button--danger" type="submit">
              {ctx.t('この記録を削除する', 'Delete this record')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </RegistryLayout>
  );
}

export function errorOf(errors: FieldError[], name: string): string | undefined {
  return errors.find((e) => e.field === fieldId(name))?.message;
}

function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export interface FieldsProps {
  ctx: PageContext;
  fields: FieldSpec[];
  input: FormInput;
  errors: FieldError[];
  choices?: Record<string, Option[]>;
  mode?: 'new' | 'edit';
}

/** Every field of a form, with label, hint, error and kept input. */
export function Fields({ ctx, fields, input, errors, choices = {}, mode = 'new' }: FieldsProps): JSX.Element {
  return (
    <>
      {fields.map((f) => (
        <FieldControl ctx={ctx} field={f} value={input[f.name]} error={errorOf(errors, f.name)} options={optionsOf(ctx, f, choices)} readonly={isReadonly(f, mode)} />
      ))}
    </>
  );
}

function optionsOf(ctx: PageContext, f: FieldSpec, choices: Record<string, Option[]>): Option[] {
  if (f.options) return f.options.map((o) => ({ value: o.value, label: say(ctx, o.label) }));
  return choices[f.name] ?? [];
}

interface FieldControlProps {
  ctx: PageContext;
  field: FieldSpec;
  value: string | string[] | undefined;
  error?: string;
  options: Option[];
  readonly: boolean;
}

function FieldControl({ ctx, field: f, value, error, options, readonly }: FieldControlProps): JSX.Element {
  const id = fieldId(f.name);
  const text = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  const label = say(ctx, f.label);
  const hint = f.hint ? say(ctx, f.hint) : undefined;
  const aria = { 'aria-describedby': describedBy(id, Boolean(hint), error), 'aria-invalid': error ? 'true' : undefined };
  if (readonly) {
    return (
      <div class="rk-field">
        <p class="rk-label" id={id} safe>
          {label}
        </p>
        <p safe>{text}</p>
      </div>
    );
  }
  const labelEl = (
    <label class="rk-label" for={id}>
      <span safe>{label}</span>
      {f.required ? <span class="rk-required">{ctx.t('必須', 'Required')}</span> : ''}
    </label>
  );
  const hintEl = hint ? (
    <p id={`${id}-hint`} class="rk-hint" safe>
      {hint}
    </p>
  ) : (
    ''
  );
  const errorEl = <FieldErrorMessage ctx={ctx} id={id} message={error} />;
  if (f.type === 'checkbox') {
    return (
      <div class="rk-field">
        {errorEl}
        <div class="rk-choice">
          <input class="rk-choice__input" type="checkbox" id={id} name={f.name} value="1" checked={text !== '' && text !== '0'} {...aria} />
          <label class="rk-choice__label" for={id} safe>
            {label}
          </label>
        </div>
        {hintEl}
      </div>
    );
  }
  if (f.type === 'wards') {
    const checked = new Set(Array.isArray(value) ? value : value ? [value] : []);
    return (
      <fieldset class="rk-fieldset" aria-describedby={describedBy(id, Boolean(hint), error)}>
        <legend class="rk-label">
          <span safe>{label}</span>
          {f.required ? <span class="rk-required">{ctx.t('必須', 'Required')}</span> : ''}
        </legend>
        {hintEl}
        {errorEl}
        {options.map((o, i) => (
          <div class="rk-choice">
            <input class="rk-choice__input" type="checkbox" id={i === 0 ? id : `${id}-${i}`} name={f.name} value={o.value} checked={checked.has(o.value)} aria-invalid={error ? 'true' : undefined} />
            <label class="rk-choice__label" for={i === 0 ? id : `${id}-${i}`} safe>
              {o.label}
            </label>
          </div>
        ))}
      </fieldset>
    );
  }
  if (f.type === 'select' || f.type === 'precision') {
    return (
      <div class="rk-field">
        {labelEl}
        {hintEl}
        {errorEl}
        <select id={id} class="rk-select" name={f.name} {...aria}>
          {f.type === 'select' ? <option value="">{ctx.t('選んでください', 'Choose')}</option> : ''}
          {options.map((o) => (
            <option value={o.value} selected={o.value === text} safe>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (f.type === 'textarea' || f.type === 'codes') {
    return (
      <div class="rk-field">
        {labelEl}
        {hintEl}
        {errorEl}
        <textarea id={id} class="rk-input" name={f.name} rows={f.type === 'codes' ? '4' : '3'} maxlength={f.type === 'codes' ? undefined : f.maxlength ? String(f.maxlength) : undefined} {...aria} safe>
          {text}
        </textarea>
      </div>
    );
  }
  const short = f.type === 'date' || f.type === 'integer' || f.type === 'fiscalYear';
  return (
    <div class="rk-field">
      {labelEl}
      {hintEl}
      {errorEl}
      <input
        id={id}
        class={short ? 'rk-input rk-input--short' : 'rk-input'}
        type={f.type === 'url' ? 'url' : 'text'}
        name={f.name}
        value={text}
        inputmode={f.type === 'integer' ? 'numeric' : undefined}
        maxlength={f.maxlength ? String(f.maxlength) : undefined}
        {...aria}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// History

const actionLabels: Record<RecordChangeAction, Wording> = {
  create: { ja: '登録', en: 'Created' },
  update: { ja: '変更', en: 'Updated' },
  delete: { ja: '削除', en: 'Deleted' },
  restore: { ja: '復元', en: 'Restored' },
  import: { ja: '取り込み', en: 'Imported' },
};

export interface HistoryPageProps {
  ctx: PageContext;
  menu: MenuEntry[];
  kind: KindFrame;
  id: string;
  name: string;
  changes: RecordChangeView[];
}

function valueText(ctx: PageContext, v: unknown): string {
  if (v === null || v === undefined || v === '') return ctx.t('（空）', '(empty)');
  if (Array.isArray(v)) return v.length === 0 ? ctx.t('（なし）', '(none)') : v.map(String).join('、');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatPartialDate(ctx, v);
  return String(v);
}

export function HistoryPage({ ctx, menu, kind, id, name, changes }: HistoryPageProps): JSX.Element {
  const base = `/registry/${kind.slug}`;
  const labelOf = (key: string): string => {
    const l = kind.fields.find((f) => f.name === key)?.label ?? kind.historyLabels?.[key];
    return l ? say(ctx, l) : key;
  };
  const title = ctx.tFormat(`${name}の変更履歴`, `History: ${name}`);
  return (
    <RegistryLayout
      ctx={ctx}
      menu={menu}
      title={title}
      current={kind.slug}
      parents={[
        { href: base, label: say(ctx, kind.title) },
        { href: `${base}/${encodeURIComponent(id)}`, label: name },
      ]}
    >
      <p class="rk-lead">{ctx.t('この記録のすべての変更です（新しい順、日本時間）。', 'Every change of this record, newest first (Japan time).')}</p>
      {changes.length === 0 ? (
        <p>{ctx.t('変更の記録はありません（初期データから変更されていません）。', 'No change recorded (unchanged since the initial data).')}</p>
      ) : (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden" safe>
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('日時', 'Date and time')}</th>
                <th scope="col">{ctx.t('操作', 'Action')}</th>
                <th scope="col">{ctx.t('実行者', 'By')}</th>
                <th scope="col">{ctx.t('項目', 'Field')}</th>
                <th scope="col">{ctx.t('変更前', 'Before')}</th>
                <th scope="col">{ctx.t('変更後', 'After')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => {
                const keys = changedKeys(c.before, c.after).filter((k) => k !== 'id');
                const rows = keys.length === 0 ? [''] : keys;
                return rows.map((key, i) => {
                  const field = key ? labelOf(key) : '—';
                  const before = key ? valueText(ctx, c.before?.[key]) : '';
                  const after = key ? valueText(ctx, c.after?.[key]) : '';
                  return (
                  <tr data-action={c.action}>
                    {i === 0 ? (
                      <>
                        <td rowspan={String(rows.length)} safe>
                          {formatDateTime(ctx, c.occurredAt)}
                        </td>
                        <td rowspan={String(rows.length)} safe>
                          {say(ctx, actionLabels[c.action])}
                        </td>
                        <td rowspan={String(rows.length)} safe>
                          {c.actorName ?? ctx.t('（システム）', '(system)')}
                        </td>
                      </>
                    ) : (
                      ''
                    )}
                    <th scope="row" safe>
                      {field}
                    </th>
                    <td safe>{before}</td>
                    <td safe>{after}</td>
                  </tr>
                  );
                });
              })}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={base}>{ctx.t('一覧に戻る', 'Back to the list')}</a>
      </p>
    </RegistryLayout>
  );
}
