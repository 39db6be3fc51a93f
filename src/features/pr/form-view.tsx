// The PR page form (its municipality's staff, or the secretariat): texts, fields, contact, official
// links and photos (each with its alternative text). Works without JavaScript; a multipart form.
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../views/components/form-fields.tsx';
import { Choices, ConflictNotice, Text, TextArea, fieldId } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { Layout } from '../../views/layout.tsx';
import { acceptedKinds } from '../files/index.ts';
import { projectFields } from '../registry/index.ts';
import { limits, linkRows, newPhotoSlots, type PhotoSlot, type PrFormInput } from './form.ts';
import { prPath } from './section.tsx';

export interface PrFormPageProps {
  ctx: PageContext;
  code: string;
  name: string;
  input: PrFormInput;
  errors: FieldError[];
  /** The page exists and is hidden by the secretariat: why. */
  hiddenReason?: string | null;
  conflict?: string;
  notice?: string;
  /** The secretariat's way back, instead of the member area's. */
  forSecretariat?: boolean;
}

export function prEditPath(code: string): string {
  return `/member/pr/${code}`;
}

function PhotoSlots({ ctx, slots, errors }: { ctx: PageContext; slots: PhotoSlot[]; errors: FieldError[] }): JSX.Element {
  const empty: PhotoSlot = { fileId: '', thumbId: '', fileName: '', alt: '', caption: '', remove: false };
  const rows = [...slots, ...Array.from({ length: newPhotoSlots }, () => empty)];
  return (
    <>
      {rows.map((slot, i) => {
        const name = (field: string) => `photo.${i}.${field}`;
        const fileId = fieldId(name('file'));
        const fileError = errors.find((e) => e.field === fileId)?.message;
        return (
          <fieldset class="rk-fieldset rk-file-slot">
            <legend class="rk-label" safe>
              {ctx.tFormat(`写真${i + 1}`, `Photo ${i + 1}`)}
            </legend>
            {slot.fileId ? (
              <>
                <input type="hidden" name={name('fileId')} value={slot.fileId} />
                <input type="hidden" name={name('thumbId')} value={slot.thumbId} />
                <input type="hidden" name={name('fileName')} value={slot.fileName} />
                <p safe>{ctx.tFormat(`保存済みの写真：${slot.fileName}`, `Stored photo: ${slot.fileName}`)}</p>
              </>
            ) : (
              <div class="rk-field">
                <label class="rk-label" for={fileId}>
                  {ctx.t('写真のファイル', 'Photo file')}
                </label>
                <p id={`${fileId}-hint`} class="rk-hint" safe>
                  {ctx.tFormat(
                    `${acceptedKinds(ctx, ['image'])}、10MBまで。長辺1600ピクセルに縮小し、撮影場所（GPS）などの情報は取り除いて掲載します。`,
                    `${acceptedKinds(ctx, ['image'])}, up to 10 MB. Resized to 1600 pixels on the long side; the location (GPS) and other data are removed.`,
                  )}
                </p>
                {fileError ? (
                  <p id={`${fileId}-error`} class="rk-field-error" safe>
                    {ctx.tFormat(`エラー：${fileError}`, `Error: ${fileError}`)}
                  </p>
                ) : (
                  ''
                )}
                <input
                  id={fileId}
                  class="rk-input"
                  type="file"
                  name={name('file')}
                  accept="image/jpeg,image/png,image/gif,image/webp"
                  aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
                  aria-invalid={fileError ? 'true' : undefined}
                />
              </div>
            )}
            <Text
              ctx={ctx}
              errors={errors}
              name={name('alt')}
              label={ctx.t('代替テキスト（写っている内容）', 'Alternative text (what the photo shows)')}
              value={slot.alt}
              maxlength={limits.alt}
              required={Boolean(slot.fileId)}
              hint={ctx.t('写真を掲載するときは必須です。', 'Required for every photo.')}
            />
            <Text ctx={ctx} errors={errors} name={name('caption')} label={ctx.t('キャプション', 'Caption')} value={slot.caption} maxlength={limits.caption} />
            {slot.fileId ? (
              <div class="rk-choice">
                <input class="rk-choice__input" type="checkbox" id={fieldId(name('remove'))} name={name('remove')} value="1" checked={slot.remove} />
                <label class="rk-choice__label" for={fieldId(name('remove'))}>
                  {ctx.t('この写真を外す', 'Remove this photo')}
                </label>
              </div>
            ) : (
              ''
            )}
          </fieldset>
        );
      })}
    </>
  );
}

export function PrFormPage(p: PrFormPageProps): JSX.Element {
  const { ctx, input, errors } = p;
  const base = { ctx, errors };
  const title = ctx.tFormat(`${p.name}のPRページの編集`, `Edit the PR page of ${p.name}`);
  const crumbs = p.forSecretariat
    ? [
        { href: '/admin', label: ctx.t('事務局', 'Secretariat') },
        { href: '/admin/pr', label: ctx.t('自治体PRページの管理', 'PR pages') },
      ]
    : [{ href: '/member', label: ctx.t('マイページ', 'My page') }];
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} section="none" breadcrumbs={[...crumbs, { label: title }]}>
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      <SuccessNotice message={p.notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <ConflictNotice ctx={ctx} message={p.conflict} href={prEditPath(p.code)} />
      {p.hiddenReason !== undefined && p.hiddenReason !== null ? (
        <div class="rk-notice rk-notice--warning">
          <p safe>{ctx.tFormat(`このページは事務局が非公開にしています。理由：${p.hiddenReason}`, `The secretariat has hidden this page. Reason: ${p.hiddenReason}`)}</p>
        </div>
      ) : (
        ''
      )}
      <p>
        {ctx.t('保存すると、すぐに自治体のページ（公開）に反映されます。保存のたびに版が残り、事務局が以前の版と比べたり戻したりできます。', 'Saving publishes the page at once on the municipality’s page. Every save is kept as a version the secretariat can compare and restore.')}
        {input.version !== '0' ? (
          <>
            {' '}
            <a href={prPath(p.code)}>{ctx.t('公開中のページを見る', 'See the public page')}</a>
          </>
        ) : (
          ''
        )}
      </p>
      <form class="rk-form" method="post" action={prEditPath(p.code)} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={input.version} />
        <Text {...base} name="catchCopy" label={ctx.t('キャッチコピー', 'Catch copy')} required value={input.catchCopy} maxlength={limits.catchCopy} hint={ctx.t('ひとことで伝えたい魅力（100文字まで）。', 'Your appeal in one line (100 characters at most).')} />
        <TextArea {...base} name="introduction" label={ctx.t('紹介', 'Introduction')} value={input.introduction} rows={8} hint={ctx.t('空行で段落を分けます。HTMLのタグは文字としてそのまま表示されます。', 'Separate paragraphs with a blank line. HTML tags are shown as text.')} />
        <TextArea {...base} name="specialities" label={ctx.t('特産品', 'Specialities')} value={input.specialities} rows={4} />
        <TextArea {...base} name="sightseeing" label={ctx.t('観光', 'Sightseeing')} value={input.sightseeing} rows={4} />
        <TextArea {...base} name="relocation" label={ctx.t('移住・二地域居住の情報', 'Moving here')} value={input.relocation} rows={4} />
        <Choices
          {...base}
          name="fields"
          type="checkbox"
          legend={ctx.t('連携したい分野', 'Fields for collaboration')}
          hint={ctx.t('パンフレット「連携事業の分野」の6分野から選びます。自治体の一覧で分野から探せるようになります。', 'The six fields of the pamphlet; the directory can be filtered by them.')}
          options={projectFields.map((f) => ({ value: String(f.number), label: ctx.tFormat(f.nameJa, f.nameEn) }))}
          selected={input.fields}
        />
        <h2 class="rk-heading-2">{ctx.t('問い合わせ先', 'Contact')}</h2>
        <Text {...base} name="contactDepartment" label={ctx.t('担当部署', 'Department')} value={input.contactDepartment} maxlength={limits.department} />
        <Text {...base} name="contactPhone" label={ctx.t('電話番号', 'Phone number')} value={input.contactPhone} maxlength={limits.phone} short />
        <Text {...base} name="contactEmail" label={ctx.t('メールアドレス', 'E-mail address')} value={input.contactEmail} maxlength={limits.email} />
        <h2 class="rk-heading-2">{ctx.t('公式リンク', 'Official links')}</h2>
        {Array.from({ length: linkRows }, (_, i) => (
          <fieldset class="rk-fieldset">
            <legend class="rk-label" safe>
              {ctx.tFormat(`リンク${i + 1}`, `Link ${i + 1}`)}
            </legend>
            <div class="rk-inline-fields">
              <Text {...base} name={`link.${i}.label`} label={ctx.t('名前（例：市の公式サイト）', 'Name (e.g. official site)')} value={input.links[i]?.label ?? ''} maxlength={limits.linkLabel} />
              <Text {...base} name={`link.${i}.url`} type="url" label={ctx.t('アドレス（https://…）', 'Address (https://…)')} value={input.links[i]?.url ?? ''} maxlength={limits.url} />
            </div>
          </fieldset>
        ))}
        <h2 id={fieldId('photos')} class="rk-heading-2" tabindex="-1">
          {ctx.t('写真', 'Photos')}
        </h2>
        <PhotoSlots ctx={ctx} slots={input.photos} errors={errors} />
        <div class="rk-actions">
          {/* The target of a refused save's message (429): the wait is about pressing this again. */}
          <button id={fieldId('save')} class="rk-button" type="submit">
            {ctx.t('保存して公開する', 'Save and publish')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
