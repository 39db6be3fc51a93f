// The import's pages: upload, and one page per job that shows what state it is in (the preview
// with every error or the first rows, the progress while saving, the result).
import type { Children } from '@kitajs/html';
import type { ImportJobStatus } from '../../../db/schema.ts';
import { columnsOf, type ImportEntity, type ImportError } from './rows.ts';
import { formatFiscalYear } from '../../../domain/fiscal-year.ts';
import { projectFieldByNumber } from '../projects/fields.ts';
import type { AgreementInput } from '../agreements/record.ts';
import type { ProjectInput } from '../projects/record.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { ChoiceField, CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import type { PageContext } from '../../../views/context.ts';
import { formatCount, formatDate, formatDateTime } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import { maxUploadBytes } from './parse.ts';
import type { ImportJob, JobSummary, PreviewNames } from './queries.ts';

export const previewRowCount = 50;
export const importPath = '/admin/registry/import';

export function jobPath(id: string): string {
  return `${importPath}/${encodeURIComponent(id)}`;
}

function entityLabel(ctx: PageContext, entity: ImportEntity): string {
  return entity === 'agreements' ? ctx.t('協定', 'Agreements') : ctx.t('連携事業', 'Projects');
}

const statusLabels: Record<ImportJobStatus, { ja: string; en: string }> = {
  uploaded: { ja: '確認中', en: 'Checking' },
  validated: { ja: '確認済み（未取り込み）', en: 'Checked, not imported' },
  invalid: { ja: 'エラーあり', en: 'Has errors' },
  applying: { ja: '取り込み中', en: 'Importing' },
  applied: { ja: '取り込み済み', en: 'Imported' },
  failed: { ja: '失敗（保存なし）', en: 'Failed (nothing saved)' },
  cancelled: { ja: '取り消し', en: 'Cancelled' },
};

function statusLabel(ctx: PageContext, status: ImportJobStatus): string {
  return ctx.tFormat(statusLabels[status].ja, statusLabels[status].en);
}

function ImportLayout({ ctx, title, parent, hasErrors = false, children }: { ctx: PageContext; title: string; parent?: boolean; hasErrors?: boolean; children?: Children }): JSX.Element {
  const crumbs = [
    { href: '/', label: ctx.t('トップ', 'Home') },
    { href: '/admin', label: ctx.t('事務局', 'Secretariat') },
    ...(parent ? [{ href: importPath, label: ctx.t('協定・連携事業の取り込み', 'Import agreements and projects') }] : []),
    { label: title },
  ];
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} section="none" breadcrumbs={crumbs}>
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      {children}
    </Layout>
  );
}

// ─── GET /admin/registry/import ────────────────────────────────────────────────────────────────

export interface UploadPageProps {
  ctx: PageContext;
  entity?: string;
  errors?: FieldError[];
  recent: JobSummary[];
  notice?: string;
}

export function UploadPage({ ctx, entity, errors = [], recent, notice }: UploadPageProps): JSX.Element {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const fileError = errorOf('file');
  const megabytes = String(maxUploadBytes / 1024 / 1024);
  return (
    <ImportLayout ctx={ctx} title={ctx.t('協定・連携事業の取り込み', 'Import agreements and projects')} hasErrors={errors.length > 0}>
      <SuccessNotice message={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t(
          '書き出し（CSV・XLSX）と同じ列の並びのファイルから、協定または連携事業をまとめて登録・更新します。IDが空の行は新規登録、IDのある行はその記録の更新です。',
          'Adds or updates agreements or projects from a file laid out like the CSV/XLSX export. A row without an ID is a new record; a row with an ID replaces that record.',
        )}
      </p>
      <ul>
        <li>{ctx.t('まず全行を確認し、エラーがあれば行・列・理由を一覧にします。エラーが1件でもあるときは何も保存しません。', 'Every row is checked first; any error is listed by row, column and reason, and then nothing is saved.')}</li>
        <li>{ctx.t('CSVの文字コードは UTF-8（BOMあり・なし）または Shift_JIS（CP932）です。', 'CSV files may be UTF-8 (with or without BOM) or Shift_JIS (CP932).')}</li>
        <li safe>{ctx.tFormat(`ファイルの大きさは${megabytes}MBまでです。`, `Files up to ${megabytes} MB.`)}</li>
      </ul>
      <p>
        {ctx.t('今の記録を書き出したファイルを雛形にできます：', 'Use an export of the current records as a template: ')}
        <a href="/agreements.csv">{ctx.t('協定（CSV）', 'Agreements (CSV)')}</a>
        {ctx.t('、', ', ')}
        <a href="/projects.csv">{ctx.t('連携事業（CSV）', 'Projects (CSV)')}</a>
      </p>
      <form class="rk-form" action={importPath} method="post" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <ChoiceField
          ctx={ctx}
          id="entity"
          name="entity"
          legend={ctx.t('取り込む記録', 'Records to import')}
          options={[
            { value: 'agreements', label: ctx.t('協定', 'Agreements') },
            { value: 'projects', label: ctx.t('連携事業', 'Projects') },
          ]}
          value={entity}
          error={errorOf('entity')}
        />
        <div class="rk-field">
          <label class="rk-label" for="file">
            {ctx.t('ファイル（.csv または .xlsx）', 'File (.csv or .xlsx)')}
          </label>
          {fileError ? (
            <p id="file-error" class="rk-field-error">
              <span class="rk-visually-hidden">{ctx.t('エラー：', 'Error: ')}</span>
              <span safe>{fileError}</span>
            </p>
          ) : (
            ''
          )}
          <input
            id="file"
            class="rk-input"
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? 'file-error' : undefined}
            aria-invalid={fileError ? 'true' : undefined}
          />
        </div>
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('確認する', 'Check the file')}
          </button>
        </div>
      </form>
      {recent.length > 0 ? (
        <section class="rk-section" aria-labelledby="recent-title">
          <h2 id="recent-title" class="rk-heading-2">
            {ctx.t('最近の取り込み', 'Recent imports')}
          </h2>
          <div class="rk-table-wrap">
            <table class="rk-table">
              <caption class="rk-visually-hidden">{ctx.t('最近の取り込み', 'Recent imports')}</caption>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('日時', 'Date and time')}</th>
                  <th scope="col">{ctx.t('記録', 'Records')}</th>
                  <th scope="col">{ctx.t('ファイル', 'File')}</th>
                  <th scope="col">{ctx.t('行数', 'Rows')}</th>
                  <th scope="col">{ctx.t('状態', 'Status')}</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((j) => (
                  <tr>
                    <td safe>{formatDateTime(ctx, j.createdAt)}</td>
                    <td safe>{entityLabel(ctx, j.entity)}</td>
                    <td>
                      <a href={jobPath(j.id)} safe>
                        {j.fileName}
                      </a>
                    </td>
                    <td safe>{formatCount(j.totalRows)}</td>
                    <td safe>{statusLabel(ctx, j.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        ''
      )}
    </ImportLayout>
  );
}

// ─── GET /admin/registry/import/:jobId ─────────────────────────────────────────────────────────

export interface JobPageProps {
  ctx: PageContext;
  job: ImportJob;
  names: PreviewNames;
  /** Counts of rows that add and that replace records (from the file, before applying). */
  creates: number;
  updates: number;
  /** Why a POST on this job was refused (409). */
  conflict?: string;
}

export function JobPage(p: JobPageProps): JSX.Element {
  const { ctx, job } = p;
  const kind = entityLabel(ctx, job.entity);
  const title =
    job.status === 'applied'
      ? ctx.tFormat(`${kind}の取り込み結果`, `${kind}: import result`)
      : job.status === 'applying'
        ? ctx.tFormat(`${kind}の取り込み中`, `${kind}: importing`)
        : ctx.tFormat(`${kind}の取り込み内容の確認`, `${kind}: check before importing`);
  return (
    <ImportLayout ctx={ctx} title={title} parent hasErrors={job.status === 'invalid' || job.status === 'failed'}>
      {p.conflict ? (
        <div class="rk-notice" role="status" safe>
          {p.conflict}
        </div>
      ) : (
        ''
      )}
      <JobFacts {...p} />
      <JobBody {...p} />
    </ImportLayout>
  );
}

function JobFacts({ ctx, job, creates, updates }: JobPageProps): JSX.Element {
  return (
    <dl class="rk-facts">
      <div class="rk-facts__row">
        <dt>{ctx.t('ファイル', 'File')}</dt>
        <dd safe>{job.fileName}</dd>
      </div>
      <div class="rk-facts__row">
        <dt>{ctx.t('アップロード日時', 'Uploaded')}</dt>
        <dd safe>{formatDateTime(ctx, job.createdAt)}</dd>
      </div>
      <div class="rk-facts__row">
        <dt>{ctx.t('行数', 'Rows')}</dt>
        <dd safe>
          {ctx.tFormat(
            `${formatCount(job.totalRows)} 行（新規 ${formatCount(creates)} 件、更新 ${formatCount(updates)} 件）`,
            `${formatCount(job.totalRows)} rows (${formatCount(creates)} new, ${formatCount(updates)} updates)`,
          )}
        </dd>
      </div>
      <div class="rk-facts__row">
        <dt>{ctx.t('状態', 'Status')}</dt>
        <dd data-status={job.status} safe>
          {statusLabel(ctx, job.status)}
        </dd>
      </div>
    </dl>
  );
}

function JobBody(p: JobPageProps): JSX.Element {
  const { ctx, job } = p;
  switch (job.status) {
    case 'invalid':
      return (
        <>
          <div class="rk-error-summary" role="region" tabindex="-1" aria-labelledby="import-errors-title" {...{ autofocus: true }}>
            <h2 id="import-errors-title" class="rk-error-summary__title" safe>
              {ctx.tFormat(`${formatCount(job.errors.length)} 件のエラーがあります`, `${formatCount(job.errors.length)} error(s) found`)}
            </h2>
            <p>
              {ctx.t(
                'エラーが1件でもあるファイルは取り込めません。何も保存していません。ファイルを直して、もう一度アップロードしてください。',
                'A file with any error cannot be imported, and nothing was saved. Correct the file and upload it again.',
              )}
            </p>
          </div>
          <ErrorTable ctx={ctx} errors={job.errors} caption={ctx.t('エラーの一覧（行・列・理由）', 'Errors (row, column, reason)')} />
          <div class="rk-actions">
            <a class="rk-button" href={importPath}>
              {ctx.t('別のファイルをアップロードする', 'Upload another file')}
            </a>
            <CancelForm ctx={ctx} job={job} />
          </div>
        </>
      );
    case 'validated':
      return (
        <>
          <div class="rk-notice" role="status">
            {ctx.t('すべての行にエラーはありません。内容を確かめて「取り込む」を押してください。全行をまとめて保存します。', 'No row has an error. Check the contents and press Import: all rows are saved together.')}
          </div>
          <PreviewTable {...p} />
          <div class="rk-actions">
            <form action={`${jobPath(job.id)}/apply`} method="post">
              <CsrfField ctx={ctx} />
              <button class="rk-button" type="submit">
                {ctx.t('取り込む', 'Import')}
              </button>
            </form>
            <CancelForm ctx={ctx} job={job} />
          </div>
        </>
      );
    case 'applying':
    case 'uploaded':
      return (
        <>
          <p class="rk-lead" role="status" safe>
            {ctx.tFormat(`処理中 ${formatCount(job.processedRows)} / ${formatCount(job.totalRows)} 行`, `Processing ${formatCount(job.processedRows)} / ${formatCount(job.totalRows)} rows`)}
          </p>
          <p>
            {ctx.t('このページは2秒ごとに自動で更新されます。すべての行を保存し終えるまで、記録は1件も保存されません。', 'This page refreshes itself every 2 seconds. No record is saved until every row has been saved.')}
          </p>
          <p>
            <a href={jobPath(job.id)}>{ctx.t('最新の状況を表示する', 'Show the latest progress')}</a>
          </p>
        </>
      );
    case 'applied': {
      const created = job.rows.filter((r) => r.result?.action === 'create').length;
      const updated = job.rows.filter((r) => r.result?.action === 'update').length;
      const list = job.entity === 'agreements' ? { href: '/agreements', label: ctx.t('協定の一覧', 'Agreements') } : { href: '/projects', label: ctx.t('連携事業の一覧', 'Projects') };
      return (
        <>
          <div class="rk-notice rk-notice--success" role="status" safe>
            {ctx.tFormat(
              `${formatCount(created + updated)} 件を取り込みました(新規 ${formatCount(created)} 件、更新 ${formatCount(updated)} 件)`,
              `${formatCount(created + updated)} records imported (${formatCount(created)} new, ${formatCount(updated)} updated)`,
            )}
          </div>
          <ul>
            <li>
              <a href={list.href}>
                {list.label}
              </a>
            </li>
            <li>
              <a href={importPath}>{ctx.t('続けて取り込む', 'Import another file')}</a>
            </li>
          </ul>
        </>
      );
    }
    case 'failed':
      return (
        <>
          <div class="rk-error-summary" role="region" tabindex="-1" aria-labelledby="import-failed-title" {...{ autofocus: true }}>
            <h2 id="import-failed-title" class="rk-error-summary__title">
              {ctx.t('取り込みに失敗しました。記録は1件も保存されていません。', 'The import failed. No record was saved.')}
            </h2>
            {job.errors.map((e) => (
              <p safe>{e.message}</p>
            ))}
          </div>
          <p>
            <a href={importPath}>{ctx.t('取り込みの最初に戻る', 'Back to the import')}</a>
          </p>
        </>
      );
    case 'cancelled':
      return (
        <p>
          {ctx.t('この取り込みは取り消しました。何も保存していません。', 'This import was cancelled. Nothing was saved.')} <a href={importPath}>{ctx.t('取り込みの最初に戻る', 'Back to the import')}</a>
        </p>
      );
  }
}

function CancelForm({ ctx, job }: { ctx: PageContext; job: ImportJob }): JSX.Element {
  return (
    <form action={`${jobPath(job.id)}/cancel`} method="post">
      <CsrfField ctx={ctx} />
      <button class="rk-button rk-button--secondary" type="submit">
        {ctx.t('この取り込みを取り消す', 'Cancel this import')}
      </button>
    </form>
  );
}

export function ErrorTable({ ctx, errors, caption }: { ctx: PageContext; errors: ImportError[]; caption: string }): JSX.Element {
  return (
    <div class="rk-table-wrap">
      <table class="rk-table" id="import-errors">
        <caption safe>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('行', 'Row')}</th>
            <th scope="col">{ctx.t('列', 'Column')}</th>
            <th scope="col">{ctx.t('理由', 'Reason')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr>
              <td>{e.row > 0 ? <span safe>{String(e.row)}</span> : '—'}</td>
              <td safe>{e.column || '—'}</td>
              <td safe>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function codeNames(names: PreviewNames, codes: readonly string[]): string {
  return codes.map((c) => names.governments.get(c) ?? c).join('、');
}

function PreviewTable({ ctx, job, names }: JobPageProps): JSX.Element {
  const shown = job.rows.slice(0, previewRowCount);
  const caption =
    job.rows.length > previewRowCount
      ? ctx.tFormat(`最初の${previewRowCount}行（全${formatCount(job.rows.length)}行）`, `The first ${previewRowCount} of ${formatCount(job.rows.length)} rows`)
      : ctx.tFormat(`取り込む${formatCount(job.rows.length)}行`, `The ${formatCount(job.rows.length)} rows to import`);
  const action = (id: string | null) => (id ? ctx.t('更新', 'Update') : ctx.t('新規', 'New'));
  const header = (key: string) => columnsOf(job.entity).find((c) => c.key === key)?.header ?? key;
  const date = (iso: string | null) => (iso ? formatDate(ctx, iso) : '—');
  return (
    <div class="rk-table-wrap">
      <table class="rk-table" id="import-preview">
        <caption safe>{caption}</caption>
        {job.entity === 'agreements' ? (
          <>
            <thead>
              <tr>
                <th scope="col">{ctx.t('行', 'Row')}</th>
                <th scope="col">{ctx.t('区分', 'Kind')}</th>
                <th scope="col" safe>{header('title')}</th>
                <th scope="col" safe>{header('type')}</th>
                <th scope="col">{ctx.t('特別区', 'Wards')}</th>
                <th scope="col">{ctx.t('連携先', 'Partners')}</th>
                <th scope="col" safe>{header('signedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const a = r.input as AgreementInput;
                return (
                  <tr>
                    <td safe>{String(r.row)}</td>
                    <td>{action(r.id)}</td>
                    <td safe>{a.title}</td>
                    <td safe>{names.agreementTypes.get(a.typeId) ?? a.typeId}</td>
                    <td safe>{codeNames(names, a.wardCodes)}</td>
                    <td safe>{[codeNames(names, a.partnerCodes), ...a.partnerGroupIds].filter(Boolean).join('、')}</td>
                    <td safe>{date(a.signedOn)}</td>
                  </tr>
                );
              })}
            </tbody>
          </>
        ) : (
          <>
            <thead>
              <tr>
                <th scope="col">{ctx.t('行', 'Row')}</th>
                <th scope="col">{ctx.t('区分', 'Kind')}</th>
                <th scope="col" safe>{header('fiscalYear')}</th>
                <th scope="col" safe>{header('title')}</th>
                <th scope="col">{ctx.t('分野', 'Field')}</th>
                <th scope="col">{ctx.t('主催', 'Organisers')}</th>
                <th scope="col">{ctx.t('連携先', 'Partners')}</th>
                <th scope="col" safe>{header('status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const pr = r.input as ProjectInput;
                return (
                  <tr>
                    <td safe>{String(r.row)}</td>
                    <td>{action(r.id)}</td>
                    <td safe>{formatFiscalYear(pr.fiscalYear)}</td>
                    <td safe>{pr.title}</td>
                    <td safe>{projectFieldByNumber(pr.field)?.nameJa ?? String(pr.field)}</td>
                    <td safe>{pr.organiserKind === 'joint' ? '23区共同' : codeNames(names, pr.wardCodes)}</td>
                    <td safe>{codeNames(names, pr.partnerCodes) || '—'}</td>
                    <td>{pr.status}</td>
                  </tr>
                );
              })}
            </tbody>
          </>
        )}
      </table>
    </div>
  );
}
