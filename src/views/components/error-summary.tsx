// The error summary shown at the top of a form that failed validation (GOV.UK pattern with DADS
// tokens): role="alert" on an inner box, focused on load, each message a link to its field.
import type { PageContext } from '../context.ts';

export interface FieldError {
  field: string;
  message: string;
}

// `autofocus` works on any focusable element without JavaScript; the JSX types only allow it on
// form controls, hence the spread.
const focusOnLoad: Record<string, unknown> = { autofocus: true };

export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }): JSX.Element {
  if (errors.length === 0) return '';
  return (
    <div class="rk-error-summary" role="region" tabindex="-1" aria-labelledby="error-summary-title" {...focusOnLoad}>
      <div role="alert">
        <h2 id="error-summary-title" class="rk-error-summary__title">
          {ctx.t('入力内容を確認してください', 'There is a problem')}
        </h2>
        <ul class="rk-error-summary__list">
          {errors.map((e) => (
            <li>
              <a href={`#${e.field}`} safe>
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The message under a field; starts with a hidden 「エラー：」 so screen readers announce it. */
export function FieldErrorMessage({ ctx, id, message }: { ctx: PageContext; id: string; message?: string }): JSX.Element {
  if (!message) return '';
  return (
    <p id={`${id}-error`} class="rk-field-error">
      <span class="rk-visually-hidden">{ctx.t('エラー：', 'Error: ')}</span>
      <span safe>{message}</span>
    </p>
  );
}
