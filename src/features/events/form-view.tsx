// The event form, shared by the secretariat's back office and the member area: the same fields,
// different addresses and buttons. Multipart (a flyer may come with it), CSRF token first.
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { ConflictNotice, Select, Text, TextArea, fieldId } from '../../views/components/record-fields.tsx';
import { CsrfField } from '../../views/components/form-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { Layout } from '../../views/layout.tsx';
import type { EventFormInput } from './form.ts';
import { eventFields, eventKinds, fieldLabel, kindLabel } from './vocabulary.ts';

export interface FormButton {
  name: string;
  value: string;
  label: string;
  secondary?: boolean;
}

export interface EventFormPageProps {
  ctx: PageContext;
  title: string;
  action: string;
  input: EventFormInput;
  errors: FieldError[];
  buttons: FormButton[];
  breadcrumbs: Array<{ href?: string; label: string }>;
  /** A member's own municipality, always included. */
  fixedMunicipality?: { code: string; name: string };
  flyer?: { href: string; label: string; name: string };
  conflict?: string;
  conflictHref?: string;
  /** The secretariat's reason when it returned the event. */
  returnedReason?: string;
  /** Shown after the form (e.g. the withdraw form). */
  after?: JSX.Element | undefined;
}

export function WithdrawForm({ ctx, action, updatedAt }: { ctx: PageContext; action: string; updatedAt: string }): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title" class="rk-heading-3">
        {ctx.t('取り下げ', 'Withdraw')}
      </h2>
      <p>{ctx.t('取り下げると、このイベントは公開ページ・カレンダー・配信から外れます。記録は残ります。', 'A withdrawn event leaves the public pages, the calendar and the feeds; its record is kept.')}</p>
      <form action={action} method="post">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="updatedAt" value={updatedAt} />
        <button class="rk-button rk-button--danger" type="submit">
          {ctx.t('このイベントを取り下げる', 'Withdraw this event')}
        </button>
      </form>
    </section>
  );
}

export function EventFormPage(p: EventFormPageProps): JSX.Element {
  const { ctx, input, errors } = p;
  const field = (name: keyof EventFormInput) => ({ ctx, name, value: input[name], errors });
  const fileError = errors.find((e) => e.field === fieldId('flyer'))?.message;
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? ctx.tFormat(`エラー：${p.title}`, `Error: ${p.title}`) : p.title} breadcrumbs={p.breadcrumbs}>
      <h1 class="rk-heading-1" safe>
        {p.title}
      </h1>
      <ConflictNotice ctx={ctx} message={p.conflict} href={p.conflictHref ?? p.action} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {p.returnedReason ? (
        <div class="rk-notice rk-notice--warning" role="status">
          <p>{ctx.t('事務局から差し戻されました。理由：', 'The secretariat returned this event. Reason:')}</p>
          <p safe>{p.returnedReason}</p>
        </div>
      ) : (
        ''
      )}
      <form class="rk-form" action={p.action} method="post" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="updatedAt" value={input.updatedAt} />
        <input type="hidden" name="flyerFileId" value={input.flyerFileId} />
        <fieldset class="rk-fieldset">
          <legend class="rk-heading-3">{ctx.t('イベント名と種類', 'Title and kind')}</legend>
          <Text {...field('title')} label={ctx.t('イベント名', 'Title')} required maxlength={200} />
          <Text {...field('titleKana')} label={ctx.t('イベント名（カナ）', 'Reading (katakana)')} maxlength={200} />
          <Text {...field('titleEn')} label={ctx.t('イベント名（英語）', 'English title')} maxlength={200} />
          <Select ctx={ctx} name="kind" label={ctx.t('種類', 'Kind')} value={input.kind} errors={errors} required options={eventKinds.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} />
          <Select
            ctx={ctx}
            name="field"
            label={ctx.t('分野', 'Field')}
            value={input.field}
            errors={errors}
            options={eventFields.map((f) => ({ value: String(f.number), label: fieldLabel(ctx, f.number) }))}
          />
        </fieldset>
        <fieldset class="rk-fieldset">
          <legend class="rk-heading-3">{ctx.t('日時', 'Dates and times')}</legend>
          <Text {...field('startsOn')} type="date" short label={ctx.t('開始日', 'Start date')} required hint={ctx.t('例：2024-10-30', 'e.g. 2024-10-30')} />
          <Text {...field('startTime')} type="time" short label={ctx.t('開始時刻', 'Start time')} hint={ctx.t('終日のイベントは空のまま（例：10:00）', 'Leave empty for an all-day event (e.g. 10:00)')} />
          <Text {...field('endsOn')} type="date" short label={ctx.t('終了日', 'End date')} hint={ctx.t('1日だけのときは空のまま', 'Leave empty for a one-day event')} />
          <Text {...field('endTime')} type="time" short label={ctx.t('終了時刻', 'End time')} />
          <Text {...field('dateNote')} label={ctx.t('日時の補足（開始日時特記事項）', 'Note on the dates')} hint={ctx.t('例：雨天中止、各日10時開場', 'e.g. cancelled if it rains')} maxlength={200} />
        </fieldset>
        <fieldset class="rk-fieldset">
          <legend class="rk-heading-3">{ctx.t('会場', 'Venue')}</legend>
          <Text {...field('venueName')} label={ctx.t('会場名', 'Venue')} maxlength={200} />
          <Text {...field('address')} label={ctx.t('住所', 'Address')} maxlength={300} />
          <Text {...field('addressExtra')} label={ctx.t('方書（建物名・階など）', 'Building, floor')} maxlength={200} />
          <TextArea {...field('access')} label={ctx.t('アクセス', 'Access')} rows={2} />
          <TextArea {...field('parking')} label={ctx.t('駐車場', 'Parking')} rows={2} />
          <div class="rk-choice">
            <input class="rk-choice__input" type="checkbox" id={fieldId('online')} name="online" value="1" checked={input.online === '1'} />
            <label class="rk-choice__label" for={fieldId('online')}>
              {ctx.t('オンラインで開催（または配信）する', 'Held (or streamed) online')}
            </label>
          </div>
          <Text {...field('onlineUrl')} type="url" label={ctx.t('オンライン参加のアドレス', 'Online address')} maxlength={500} />
          <Text {...field('latitude')} short inputmode="numeric" label={ctx.t('緯度', 'Latitude')} hint={ctx.t('例：35.681236（任意）', 'e.g. 35.681236 (optional)')} />
          <Text {...field('longitude')} short inputmode="numeric" label={ctx.t('経度', 'Longitude')} hint={ctx.t('例：139.767125（任意）', 'e.g. 139.767125 (optional)')} />
        </fieldset>
        <fieldset class="rk-fieldset">
          <legend class="rk-heading-3">{ctx.t('主催・参加自治体', 'Organisers and municipalities')}</legend>
          <TextArea {...field('organisers')} label={ctx.t('主催', 'Organised by')} rows={2} hint={ctx.t('1行に1団体', 'One organisation a line')} />
          <TextArea {...field('coOrganisers')} label={ctx.t('共催', 'Co-organised by')} rows={2} hint={ctx.t('1行に1団体', 'One organisation a line')} />
          <TextArea {...field('partners')} label={ctx.t('連携協力', 'In cooperation with')} rows={2} hint={ctx.t('1行に1団体', 'One organisation a line')} />
          <TextArea {...field('supporters')} label={ctx.t('後援', 'Supported by')} rows={2} hint={ctx.t('1行に1団体', 'One organisation a line')} />
          {p.fixedMunicipality ? (
            <p class="rk-hint" safe>
              {ctx.tFormat(`${p.fixedMunicipality.name}（${p.fixedMunicipality.code}）は自動で参加自治体に含まれます。`, `${p.fixedMunicipality.name} (${p.fixedMunicipality.code}) is always included.`)}
            </p>
          ) : (
            ''
          )}
          <TextArea
            {...field('municipalities')}
            label={ctx.t('参加自治体', 'Municipalities taking part')}
            rows={3}
            hint={ctx.t('1行に1自治体。6桁の全国地方公共団体コードで始めてください（例：012211 名寄市）。', 'One a line, starting with the 6-digit local government code (e.g. 012211 Nayoro).')}
          />
        </fieldset>
        <fieldset class="rk-fieldset">
          <legend class="rk-heading-3">{ctx.t('内容と参加方法', 'Description and how to take part')}</legend>
          <TextArea {...field('description')} label={ctx.t('内容', 'Description')} rows={8} hint={ctx.t('Markdown（見出し・箇条書き・リンク）が使えます。HTMLは使えません。', 'Markdown (headings, lists, links) is allowed; HTML is not.')} />
          <Text {...field('feeBasic')} label={ctx.t('料金', 'Fee')} hint={ctx.t('例：無料', 'e.g. free')} maxlength={100} />
          <TextArea {...field('feeDetail')} label={ctx.t('料金の詳細', 'Fee details')} rows={2} />
          <Text {...field('capacity')} label={ctx.t('定員', 'Capacity')} hint={ctx.t('例：100名（先着順）', 'e.g. 100 (first come)')} maxlength={100} />
          <TextArea {...field('applyMethod')} label={ctx.t('申込方法', 'How to apply')} rows={3} />
          <Text {...field('applyDeadline')} type="date" short label={ctx.t('申込締切', 'Apply by')} />
          <Text {...field('applyDeadlineTime')} type="time" short label={ctx.t('申込締切の時刻', 'Deadline time')} />
          <TextArea
            {...field('contacts')}
            label={ctx.t('問い合わせ先', 'Contacts')}
            rows={3}
            hint={ctx.t('1行に1件、「名称 / 電話番号 / 内線」の形で（例：特別区長会事務局 / 03-5210-9738）', 'One a line: “name / phone / extension”')}
          />
          <Text {...field('url')} type="url" label={ctx.t('詳しい情報のアドレス', 'More information (address)')} maxlength={500} />
          <Text {...field('project')} label={ctx.t('関連する連携事業', 'Related collaboration project')} hint={ctx.t('連携事業のページのアドレス（/projects/…）またはID（任意）', 'The project page’s address (/projects/…) or id (optional)')} />
          <TextArea {...field('notes')} label={ctx.t('備考', 'Notes')} rows={2} />
        </fieldset>
        <fieldset class="rk-fieldset">
          <legend class="rk-heading-3">{ctx.t('チラシ', 'Flyer')}</legend>
          {p.flyer ? (
            <>
              <p>
                <span>{ctx.t('登録済み：', 'Attached: ')}</span>
                <a href={p.flyer.href} safe>{`${p.flyer.name}（${p.flyer.label}）`}</a>
              </p>
              <div class="rk-choice">
                <input class="rk-choice__input" type="checkbox" id={fieldId('removeFlyer')} name="removeFlyer" value="1" checked={input.removeFlyer === '1'} />
                <label class="rk-choice__label" for={fieldId('removeFlyer')}>
                  {ctx.t('このチラシを外す', 'Remove this flyer')}
                </label>
              </div>
            </>
          ) : (
            ''
          )}
          <div class="rk-field">
            <label class="rk-label" for={fieldId('flyer')}>
              {ctx.t('チラシのファイル（PDFまたは画像、10MBまで）', 'Flyer file (PDF or image, up to 10 MB)')}
            </label>
            {fileError ? (
              <p id={`${fieldId('flyer')}-error`} class="rk-field-error">
                <span class="rk-visually-hidden">{ctx.t('エラー：', 'Error: ')}</span>
                <span safe>{fileError}</span>
              </p>
            ) : (
              ''
            )}
            <input id={fieldId('flyer')} class="rk-input" type="file" name="flyer" accept="application/pdf,image/*" aria-invalid={fileError ? 'true' : undefined} aria-describedby={fileError ? `${fieldId('flyer')}-error` : undefined} />
          </div>
        </fieldset>
        <div class="rk-actions">
          {p.buttons.map((b) => (
            <button class={b.secondary ? 'rk-button rk-button--secondary' : 'rk-button'} type="submit" name={b.name} value={b.value} safe>
              {b.label}
            </button>
          ))}
        </div>
      </form>
      {p.after ? p.after : ''}
    </Layout>
  );
}
