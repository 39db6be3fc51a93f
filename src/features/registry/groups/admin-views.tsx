// The group's own section of its back-office edit page (/registry/groups/:id): the member counts
// by rule and after the exceptions, beside the published one, and the exceptions with the form
// that adds one (groups/admin.ts loads them and answers the form).
import type { PageContext } from '../../../views/context.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField } from '../../../views/components/form-fields.tsx';
import { formatCount } from '../../../views/format.ts';
import type { FieldSpec, FormInput } from '../master/kit.ts';
import { Fields } from '../master/views.tsx';

export interface GroupMembership {
  /** Members by the rule alone. */
  byRule: number;
  /** Members after the recorded exceptions. */
  withExceptions: number;
  exceptions: number;
}

export interface ExceptionRow {
  id: string;
  code: string;
  name: string;
  change: 'add' | 'remove';
  note: string;
}

export function GroupDetail(p: {
  ctx: PageContext;
  groupId: string;
  membership: GroupMembership | undefined;
  published: number | null;
  exceptions: ExceptionRow[];
  /** The fields of the form that adds an exception. */
  fields: FieldSpec[];
  errors: FieldError[];
  input: FormInput;
}): JSX.Element {
  const { ctx, groupId, membership, exceptions } = p;
  const base = `/registry/groups/${encodeURIComponent(groupId)}`;
  const byRule = membership ? formatCount(membership.byRule) : '—';
  const derived = membership ? formatCount(membership.withExceptions) : '—';
  return (
    <>
      <section class="rk-section" aria-labelledby="members-title">
        <h2 id="members-title" class="rk-heading-2">
          {ctx.t('構成団体数', 'Members')}
        </h2>
        <dl class="rk-facts">
          <div class="rk-facts__row">
            <dt>{ctx.t('規則による数（例外の適用前）', 'By the rule (before exceptions)')}</dt>
            <dd data-count="by-rule" safe>
              {byRule}
            </dd>
          </div>
          <div class="rk-facts__row">
            <dt>{ctx.t('例外の適用後', 'After the exceptions')}</dt>
            <dd data-count="derived" safe>
              {derived}
            </dd>
          </div>
          <div class="rk-facts__row">
            <dt>{ctx.t('公表された数', 'Published')}</dt>
            <dd safe>{p.published === null ? ctx.t('—', '—') : formatCount(p.published)}</dd>
          </div>
        </dl>
        {membership && p.published !== null && membership.withExceptions !== p.published ? (
          <p class="rk-note" safe>
            {ctx.tFormat(
              `導出した数と公表された数が${formatCount(Math.abs(membership.withExceptions - p.published))}団体異なります。合併や協定からの脱退などは、例外として記録してください。`,
              `The derived count differs from the published one by ${formatCount(Math.abs(membership.withExceptions - p.published))}. Record mergers or withdrawals as exceptions.`,
            )}
          </p>
        ) : (
          ''
        )}
      </section>
      <section class="rk-section" aria-labelledby="exceptions-title">
        <h2 id="exceptions-title" class="rk-heading-2">
          {ctx.t('規則の例外', 'Exceptions to the rule')}
        </h2>
        {exceptions.length === 0 ? (
          <p>{ctx.t('例外はありません。', 'No exceptions.')}</p>
        ) : (
          <div class="rk-table-wrap">
            <table class="rk-table">
              <caption class="rk-visually-hidden">{ctx.t('規則の例外', 'Exceptions to the rule')}</caption>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('自治体', 'Municipality')}</th>
                  <th scope="col">{ctx.t('例外', 'Exception')}</th>
                  <th scope="col">{ctx.t('理由', 'Reason')}</th>
                  <th scope="col">{ctx.t('操作', 'Actions')}</th>
                </tr>
              </thead>
              <tbody>
                {exceptions.map((e) => (
                  <tr>
                    <th scope="row">
                      <span safe>{e.name}</span> <span class="rk-table__code" safe>{e.code}</span>
                    </th>
                    <td>{e.change === 'add' ? ctx.t('加える', 'Added') : ctx.t('除く', 'Removed')}</td>
                    <td safe>{e.note}</td>
                    <td>
                      <form class="rk-actions" action={`${base}/exceptions/${encodeURIComponent(e.id)}/remove`} method="post">
                        <CsrfField ctx={ctx} />
                        <button class="rk-button rk-button--secondary" type="submit">
                          {ctx.t('取り消す', 'Remove')}
                          <span class="rk-visually-hidden" safe>
                            {ctx.tFormat(`（${e.name}の例外）`, ` (exception for ${e.name})`)}
                          </span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 class="rk-heading-2">{ctx.t('例外を追加する', 'Add an exception')}</h3>
        <form class="rk-form" action={`${base}/exceptions`} method="post" novalidate>
          <CsrfField ctx={ctx} />
          <Fields ctx={ctx} fields={p.fields} input={p.input} errors={p.errors} />
          <div class="rk-actions">
            <button class="rk-button" type="submit">
              {ctx.t('例外を追加する', 'Add the exception')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
