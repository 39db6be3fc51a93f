// The back office of the published figures, /registry/figures (the numbers printed in the
// pamphlet and on the old site, kept beside the computed ones with their as-of date and source),
// a record kind of the master pages (master/).
import { z } from 'zod';
import type { FigureMetric } from '../../../db/schema.ts';
import { formatCount } from '../../../views/format.ts';
import { tableRecords } from '../master/commands.ts';
import {
  choice,
  flag,
  optionalText,
  optionalUrl,
  precision,
  precisionOptions,
  requiredInteger,
  requiredPartialDate,
  requiredText,
  textOf,
  withPrecision,
  type FieldSpec,
  type Kind,
} from '../master/kit.ts';
import { formatPartialDate, say, type Wording } from '../shared/labels.tsx';

const metrics = ['ward_partners', 'registered_members', 'wide_area_members', 'wide_area_groups', 'union', 'staff_dispatched', 'other'] as const satisfies readonly FigureMetric[];
const metricLabels: Record<FigureMetric, Wording> = {
  ward_partners: { ja: '各区の交流自治体数', en: 'Ward partner municipalities' },
  registered_members: { ja: '会員登録自治体数', en: 'Registered member municipalities' },
  wide_area_members: { ja: '広域連携協定の構成団体数', en: 'Members of the wide-area groups' },
  wide_area_groups: { ja: '広域連携協定の締結団体数', en: 'Wide-area agreement groups' },
  union: { ja: '連携自治体数（重複を除く）', en: 'Collaborating municipalities (deduplicated)' },
  staff_dispatched: { ja: '派遣職員数（累計）', en: 'Staff dispatched (cumulative)' },
  other: { ja: 'その他', en: 'Other' },
};

const fields: FieldSpec[] = [
  { name: 'metric', label: { ja: '指標', en: 'Metric' }, type: 'select', required: true, options: metrics.map((m) => ({ value: m, label: metricLabels[m] })) },
  { name: 'label', label: { ja: '表記', en: 'Label' }, type: 'text', required: true, maxlength: 200, hint: { ja: '出典での表記（例：連携自治体数）。', en: 'As worded by the source.' } },
  { name: 'value', label: { ja: '値', en: 'Value' }, type: 'integer', required: true, hint: { ja: '半角数字（例：1014）。', en: 'A whole number (e.g. 1014).' } },
  { name: 'is_lower_bound', label: { ja: '「〜を超す」「以上」の値（下限）', en: 'A lower bound (“more than”)' }, type: 'checkbox' },
  { name: 'as_of', label: { ja: '時点', en: 'As of' }, type: 'date', required: true, hint: { ja: '例：2022-03-01、2022/3/1、2022-03（月まで）。', en: 'E.g. 2022-03-01 or 2022-03 (month).' } },
  { name: 'as_of_precision', label: { ja: '時点の精度', en: 'Precision of the date' }, type: 'precision', options: precisionOptions },
  { name: 'source_title', label: { ja: '出典', en: 'Source' }, type: 'text', required: true, maxlength: 300, hint: { ja: '例：特別区全国連携プロジェクト パンフレット', en: 'E.g. the project pamphlet.' } },
  { name: 'source_url', label: { ja: '出典URL', en: 'Source URL' }, type: 'url', maxlength: 500 },
  { name: 'notes', label: { ja: '備考', en: 'Notes' }, type: 'textarea', maxlength: 2000 },
];

const schema = z
  .object({
    metric: choice(metrics),
    label: requiredText(200),
    value: requiredInteger(0, 100_000_000),
    is_lower_bound: flag,
    as_of: requiredPartialDate,
    as_of_precision: precision,
    source_title: requiredText(300),
    source_url: optionalUrl,
    notes: optionalText(2000),
  })
  .transform((v, c) => ({ ...v, as_of: withPrecision(v.as_of, v.as_of_precision, c, 'as_of') ?? '' }));
type Value = z.infer<typeof schema>;

export const figures: Kind<Value> = {
  slug: 'figures',
  entity: 'published_figure',
  title: { ja: '公表された数値', en: 'Published figures' },
  noun: { ja: '公表値', en: 'published figure' },
  lead: { ja: 'パンフレットなどで公表された数値です。集計した数値と並べて表示されます。', en: 'Figures as published (pamphlet and others), shown beside the computed ones.' },
  fields,
  schema,
  canCreate: true,
  canDelete: true,
  columns: [
    { ja: '指標', en: 'Metric' },
    { ja: '表記', en: 'Label' },
    { ja: '値', en: 'Value' },
    { ja: '時点', en: 'As of' },
    { ja: '出典', en: 'Source' },
  ],
  async list(db, ctx) {
    const rows = await db.selectFrom('published_figures').selectAll().orderBy('as_of', 'desc').orderBy('metric').execute();
    return rows.map((r) => ({
      id: r.id,
      deletedAt: r.deleted_at,
      cells: [
        say(ctx, metricLabels[r.metric] ?? { ja: r.metric, en: r.metric }),
        r.label,
        r.is_lower_bound ? ctx.tFormat(`${formatCount(r.value)}超`, `over ${formatCount(r.value)}`) : formatCount(r.value),
        formatPartialDate(ctx, r.as_of, r.as_of_precision),
        r.source_title,
      ],
    }));
  },
  nameOf: (s) => `${textOf(s['label'])} ${textOf(s['value'])}`,
  ...tableRecords<Value>('published_figures'),
};
