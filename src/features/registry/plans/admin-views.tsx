// A plan item's own section of its back-office edit page (/registry/plan/:id): the form of its
// cells, a description and a status per 年度 of its period (plans/admin-plan-items.ts answers it).
import type { PageContext } from '../../../views/context.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField } from '../../../views/components/form-fields.tsx';
import type { FieldSpec, FormInput } from '../master/kit.ts';
import { Fields } from '../master/views.tsx';

export function PlanDetail(p: {
  ctx: PageContext;
  itemId: string;
  years: number[];
  /** The form's fields: a description and a status per 年度. */
  fields: FieldSpec[];
  input: FormInput;
  errors: FieldError[];
}): JSX.Element {
  const { ctx, itemId, years } = p;
  return (
    <section class="rk-section" aria-labelledby="progress-title">
      <h2 id="progress-title" class="rk-heading-2">
        {ctx.t('年度ごとの取組と状況', 'Progress by fiscal year')}
      </h2>
      {years.length === 0 ? (
        <p>{ctx.t('計画期間がありません。', 'The item has no period.')}</p>
      ) : (
        <form class="rk-form" action={`/registry/plan/${encodeURIComponent(itemId)}/progress`} method="post" novalidate>
          <CsrfField ctx={ctx} />
          <Fields ctx={ctx} fields={p.fields} input={p.input} errors={p.errors} />
          <div class="rk-actions">
            <button class="rk-button" type="submit">
              {ctx.t('進捗を保存する', 'Save the progress')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
