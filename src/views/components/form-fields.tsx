// Form building blocks with the error pattern built in: label, hint, error message (announced with
// a hidden 「エラー：」), aria-invalid and aria-describedby. Every POST form includes <CsrfField>.
import type { PageContext } from '../context.ts';
import { FieldErrorMessage } from './error-summary.tsx';

export function CsrfField({ ctx }: { ctx: PageContext }): JSX.Element {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken()} />;
}

export interface TextFieldProps {
  ctx: PageContext;
  /** The element id; also the anchor the error summary links to. */
  id: string;
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'search' | 'url';
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  inputmode?: 'numeric' | 'text' | 'email' | 'tel';
  /** Shown after the label, e.g. 【必須】. */
  requiredMark?: boolean;
  width?: 'short' | 'full';
}

export function TextField(p: TextFieldProps): JSX.Element {
  const describedBy = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="rk-field">
      <label class="rk-label" for={p.id}>
        <span safe>{p.label}</span>
        {p.requiredMark ? <span class="rk-required">{p.ctx.t('必須', 'Required')}</span> : ''}
      </label>
      {p.hint ? (
        <p id={`${p.id}-hint`} class="rk-hint" safe>
          {p.hint}
        </p>
      ) : (
        ''
      )}
      <FieldErrorMessage ctx={p.ctx} id={p.id} message={p.error} />
      <input
        id={p.id}
        class={p.width === 'short' ? 'rk-input rk-input--short' : 'rk-input'}
        type={p.type ?? 'text'}
        name={p.name}
        value={p.type === 'password' ? undefined : p.value}
        autocomplete={p.autocomplete}
        required={p.required}
        maxlength={p.maxlength === undefined ? undefined : String(p.maxlength)}
        inputmode={p.inputmode}
        aria-describedby={describedBy}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

export interface ChoiceFieldProps {
  ctx: PageContext;
  id: string;
  name: string;
  legend: string;
  options: Array<{ value: string; label: string; hint?: string }>;
  value?: string;
  error?: string;
  hint?: string;
}

/** Radio buttons in a fieldset; the first radio carries the id the error summary links to. */
export function ChoiceField(p: ChoiceFieldProps): JSX.Element {
  const describedBy = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class="rk-fieldset" aria-describedby={describedBy}>
      <legend class="rk-label" safe>
        {p.legend}
      </legend>
      {p.hint ? (
        <p id={`${p.id}-hint`} class="rk-hint" safe>
          {p.hint}
        </p>
      ) : (
        ''
      )}
      <FieldErrorMessage ctx={p.ctx} id={p.id} message={p.error} />
      {p.options.map((o, i) => (
        <div class="rk-choice">
          <input
            class="rk-choice__input"
            type="radio"
            id={i === 0 ? p.id : `${p.id}-${i}`}
            name={p.name}
            value={o.value}
            checked={o.value === p.value}
            aria-invalid={p.error ? 'true' : undefined}
          />
          <label class="rk-choice__label" for={i === 0 ? p.id : `${p.id}-${i}`} safe>
            {o.label}
          </label>
          {o.hint ? (
            <p class="rk-hint rk-choice__hint" safe>
              {o.hint}
            </p>
          ) : (
            ''
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** Notice after a successful action (post/redirect/get with ?done=…). */
export function SuccessNotice({ message }: { message?: string }): JSX.Element {
  if (!message) return '';
  return (
    <div class="rk-notice rk-notice--success" role="status" safe>
      {message}
    </div>
  );
}
