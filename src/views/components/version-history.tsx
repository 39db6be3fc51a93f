// The versions table and the "version compared with the current one" view (diff + restore form)
// shared by the back-office pages that keep versions (news articles, site pages, PR pages). Each
// feature passes its own labels and URLs; the markup stays identical across them.
import type { PageContext } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { DiffText } from './diff-text.tsx';
import { CsrfField } from './form-fields.tsx';

export interface VersionHistoryRow {
  version: number;
  savedAt: string;
  savedBy: string | null;
  note: string;
}

/**
 * The table of saved versions, newest first as given, each with a link to compare it with the
 * current one. `unknownAuthor` names versions saved without an account (scheduled job, seed…).
 */
export function VersionsTable(p: { ctx: PageContext; label: string; versions: VersionHistoryRow[]; current: number; unknownAuthor: string; compareHref: (version: number) => string }): JSX.Element {
  const { ctx, current } = p;
  return (
    <div class="rk-table-wrap" role="region" aria-label={p.label} tabindex="0">
      <table class="rk-table rk-table--stack">
        <thead>
          <tr>
            <th scope="col">{ctx.t('版', 'Version')}</th>
            <th scope="col">{ctx.t('保存日時', 'Saved')}</th>
            <th scope="col">{ctx.t('保存した人', 'By')}</th>
            <th scope="col">{ctx.t('メモ', 'Note')}</th>
            <th scope="col">{ctx.t('操作', 'Actions')}</th>
          </tr>
        </thead>
        <tbody>
          {p.versions.map((v) => (
            <tr>
              <th scope="row" safe>
                {ctx.tFormat(`第${v.version}版${v.version === current ? '（現在）' : ''}`, `v${v.version}${v.version === current ? ' (current)' : ''}`)}
              </th>
              <td safe>{formatDateTime(ctx, v.savedAt)}</td>
              <td safe>{v.savedBy ?? p.unknownAuthor}</td>
              <td safe>{v.note}</td>
              <td>{v.version === current ? '' : <a href={p.compareHref(v.version)}>{ctx.t('現在の版と比較', 'Compare with current')}</a>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The title of a comparison page: 「第2版と現在（第5版）の比較」. */
export function compareTitle(ctx: PageContext, version: number, currentVersion: number): string {
  return ctx.tFormat(`第${version}版と現在（第${currentVersion}版）の比較`, `Version ${version} compared with the current version ${currentVersion}`);
}

/**
 * An old version compared field by field with the current one, then the form restoring it.
 * `fields` pairs each label with the old and the current text; `restoreNote` says what a restore
 * keeps (it differs per feature). The hidden `version` is the current version, so a restore made
 * from a stale page is refused as a conflict.
 */
export function VersionComparison(p: { ctx: PageContext; version: number; currentVersion: number; fields: Array<[label: string, before: string, after: string]>; restoreAction: string; restoreNote: string }): JSX.Element {
  const { ctx } = p;
  return (
    <>
      <p class="rk-note">{ctx.t('削除された行は取り消し線、追加された行は下線で示します。', 'Removed lines are struck through; added lines are underlined.')}</p>
      {p.fields.map(([label, before, after]) => (
        <section class="rk-section">
          <h2 class="rk-heading-2" safe>
            {label}
          </h2>
          <DiffText ctx={ctx} before={before} after={after} />
        </section>
      ))}
      <form class="rk-form" method="post" action={p.restoreAction}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(p.currentVersion)} />
        <p safe>{p.restoreNote}</p>
        <button class="rk-button" type="submit" safe>
          {ctx.tFormat(`第${p.version}版の内容に戻す`, `Restore version ${p.version}`)}
        </button>
      </form>
    </>
  );
}

/** Pairs each labelled field of an old version with the same field of the current one. */
export function pairFields(before: Array<[string, string]>, after: Array<[string, string]>): Array<[string, string, string]> {
  return before.map(([label, text], i) => [label, text, after[i]![1]]);
}
