// Form building blocks of the back-office edit forms (registry records, news, events): each field
// takes the form's error list and finds its own message by the field's id (`f-<name>`), which is
// also the anchor the error summary links to.
import type { FieldError } from './error-summary.tsx';
import { FieldErrorMessage } from './error-summary.tsx';
import type { PageContext } from '../context.ts';

/** The element id of a form field, and the anchor its error links to. */
export const fieldId = (name: string) => `f-${name}`;

function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function errorOf(errors: FieldError[], name: string): string | undefined {
  return errors.find((e) => e.field === fieldId(name))?.message;
}

interface FieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  errors: FieldError[];
  hint?: string;
  required?: boolean;
}

function Label({ ctx, id, label, required }: { ctx: PageContext; id: string; label: string; required?: boolean }): JSX.Element {
  return (
    <label class="rk-label" for={id}>
      <span safe>{label}</span>
      {required ? <span class="rk-required">{ctx.t('必須', 'Required')}</span> : ''}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint?: string }): JSX.Element {
  return hint ? (
    <p id={`${id}-hint`} class="rk-hint" safe>
      {hint}
    </p>
  ) : (
    ''
  );
}

export function Text(p: FieldProps & { type?: 'text' | 'url' | 'date' | 'time'; short?: boolean; inputmode?: 'numeric'; maxlength?: number }): JSX.Element {
  const id = fieldId(p.name);
  const error = errorOf(p.errors, p.name);
  return (
    <div class="rk-field">
      <Label ctx={p.ctx} id={id} label={p.label} required={p.required} />
      <Hint id={id} hint={p.hint} />
      <FieldErrorMessage ctx={p.ctx} id={id} message={error} />
      <input
        id={id}
        class={p.short ? 'rk-input rk-input--short' : 'rk-input'}
        type={p.type ?? 'text'}
        name={p.name}
        value={p.value}
        inputmode={p.inputmode}
        maxlength={p.maxlength === undefined ? undefined : String(p.maxlength)}
        aria-describedby={describedBy(id, Boolean(p.hint), error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function TextArea(p: FieldProps & { rows?: number }): JSX.Element {
  const id = fieldId(p.name);
  const error = errorOf(p.errors, p.name);
  return (
    <div class="rk-field">
      <Label ctx={p.ctx} id={id} label={p.label} required={p.required} />
      <Hint id={id} hint={p.hint} />
      <FieldErrorMessage ctx={p.ctx} id={id} message={error} />
      <textarea
        id={id}
        class="rk-input"
        name={p.name}
        rows={String(p.rows ?? 4)}
        aria-describedby={describedBy(id, Boolean(p.hint), error)}
        aria-invalid={error ? 'true' : undefined}
        safe
      >
        {p.value}
      </textarea>
    </div>
  );
}

interface Option {
  value: string;
  label: string;
}

export function Choices(p: {
  ctx: PageContext;
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: Option[];
  selected: string[];
  errors: FieldError[];
  hint?: string;
  required?: boolean;
  /** A value shown checked and fixed (submitted through a hidden field). */
  fixed?: string;
}): JSX.Element {
  const id = fieldId(p.name);
  const error = errorOf(p.errors, p.name);
  return (
    <fieldset class="rk-fieldset" aria-describedby={describedBy(id, Boolean(p.hint), error)}>
      <legend class="rk-label">
        <span safe>{p.legend}</span>
        {p.required ? <span class="rk-required">{p.ctx.t('必須', 'Required')}</span> : ''}
      </legend>
      <Hint id={id} hint={p.hint} />
      <FieldErrorMessage ctx={p.ctx} id={id} message={error} />
      {p.fixed ? <input type="hidden" name={p.name} value={p.fixed} /> : ''}
      <div class={p.options.length > 8 ? 'rk-choices rk-choices--columns' : 'rk-choices'}>
        {p.options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          const isFixed = p.fixed === o.value;
          return (
            <div class="rk-choice">
              <input
                class="rk-choice__input"
                type={p.type}
                id={optionId}
                name={isFixed ? undefined : p.name}
                value={o.value}
                checked={isFixed || p.selected.includes(o.value)}
                disabled={isFixed}
                aria-invalid={error ? 'true' : undefined}
              />
              <label class="rk-choice__label" for={optionId} safe>
                {isFixed ? p.ctx.tFormat(`${o.label}（自区・外せません）`, `${o.label} (your ward, always included)`) : o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Select(p: { ctx: PageContext; name: string; label: string; options: Option[]; value: string; errors: FieldError[]; required?: boolean }): JSX.Element {
  const id = fieldId(p.name);
  const error = errorOf(p.errors, p.name);
  return (
    <div class="rk-field">
      <Label ctx={p.ctx} id={id} label={p.label} required={p.required} />
      <FieldErrorMessage ctx={p.ctx} id={id} message={error} />
      <select id={id} class="rk-select" name={p.name} aria-describedby={describedBy(id, false, error)} aria-invalid={error ? 'true' : undefined}>
        <option value="">{p.ctx.t('選んでください', 'Choose')}</option>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ConflictNotice({ ctx, message, href }: { ctx: PageContext; message?: string; href: string }): JSX.Element {
  if (!message) return '';
  return (
    <div class="rk-error-summary" role="region" aria-labelledby="conflict-title">
      <div role="alert">
        <h2 id="conflict-title" class="rk-error-summary__title">
          {ctx.t('ほかの人の更新と重なりました', 'Someone else saved first')}
        </h2>
        <p safe>{message}</p>
        <p>
          <a href={href}>{ctx.t('最新の内容を開く（入力内容は破棄されます）', 'Open the latest version (your input is discarded)')}</a>
        </p>
      </div>
    </div>
  );
}
