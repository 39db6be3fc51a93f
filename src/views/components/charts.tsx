// Charts drawn on the server as SVG: no script, no style attribute (CSP), only presentation
// attributes (fill, stroke). Each chart is an image with a title and a description (role="img",
// aria-labelledby) followed by the same numbers as an HTML table, which is the accessible and
// copyable form of the data. Series differ by colour and also by marker shape or dash, so colour
// is never the only cue; every colour has at least 3:1 contrast with the white background.
import type { Children } from '@kitajs/html';
import type { PageContext } from '../context.ts';
import { formatCount } from '../format.ts';

export interface ChartSeries {
  key: string;
  label: string;
  values: readonly number[];
}

export interface ChartProps {
  ctx: PageContext;
  /** Unique on the page; prefixes the ids of the title, description and table. */
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows (read by screen readers with the title). */
  description: string;
  /** Short labels under the x axis (e.g. '2014'). */
  categories: readonly string[];
  /** Full labels for the table rows (e.g. 「2014年度(平成26年度)」); defaults to categories. */
  categoryLabels?: readonly string[];
  /** Header of the table's first column (e.g. 年度). */
  categoryHeader: string;
  series: readonly ChartSeries[];
  /** The numbers' unit, named in the table's caption, e.g. 自治体 or 件. */
  unit?: string;
  /** Adds a total column (for stacked bars). */
  totalLabel?: string;
}

/** Series colours: blue, orange, green, purple, red, teal; each ≥ 3:1 against white. */
export const seriesColours = ['#0031d8', '#b34700', '#197a4b', '#6f23d0', '#c5221f', '#00688b'] as const;
const dashes = ['', '6 4', '2 3', '10 3 2 3', '', '4 2'] as const;
const INK = '#1a1a1a';
const GRID = '#d8d8db';
const AXIS = '#767676';

/** WCAG relative luminance of '#rrggbb'. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`expected #rrggbb, got ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two '#rrggbb' colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Axis ticks from 0 to at least max, with a 1–2–5 step and at most `maxTicks` intervals. For max 0
 * the axis still has a unit interval, so an empty chart draws.
 */
export function niceTicks(max: number, maxTicks = 5): number[] {
  if (!Number.isFinite(max) || max < 0) throw new RangeError(`max must be a non-negative number, got ${max}`);
  if (max === 0) return [0, 1];
  const rough = max / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough && Math.ceil(max / s) <= maxTicks) ?? 10 * magnitude;
  const wholeStep = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < max + wholeStep; v += wholeStep) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

const WIDTH = 640;
const FONT = 14;
const PAD = { top: 16, right: 16, bottom: 36, left: 56 };

function Frame({ ctx, id, title, description, height, children }: { ctx: PageContext; id: string; title: string; description: string; height: number; children?: Children }): JSX.Element {
  return (
    <svg
      class="rk-chart__svg"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      font-size={String(FONT)}
      font-family="sans-serif"
      lang={ctx.lang}
    >
      <title id={`${id}-title`} safe>
        {title}
      </title>
      <desc id={`${id}-desc`} safe>
        {description}
      </desc>
      {children}
    </svg>
  );
}

function YAxis({ ticks, y, width }: { ticks: number[]; y: (v: number) => number; width: number }): JSX.Element {
  return (
    <g aria-hidden="true">
      {ticks.map((t) => (
        <>
          <line x1={String(PAD.left)} x2={String(width - PAD.right)} y1={fmt(y(t))} y2={fmt(y(t))} stroke={t === 0 ? AXIS : GRID} stroke-width="1" />
          <text x={String(PAD.left - 6)} y={fmt(y(t) + FONT / 3)} text-anchor="end" fill={INK} safe>
            {formatCount(t)}
          </text>
        </>
      ))}
    </g>
  );
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Which x-axis labels to print so that they do not overlap: every nth. */
function labelStride(count: number, plotWidth: number, labelWidth: number): number {
  return Math.max(1, Math.ceil((count * labelWidth) / plotWidth));
}

function Legend({ series, kind }: { series: readonly ChartSeries[]; kind: 'line' | 'bar' }): JSX.Element {
  return (
    <ul class="rk-chart__legend">
      {series.map((s, i) => (
        <li class="rk-chart__legend-item">
          <svg class="rk-chart__swatch" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 14" width="28" height="14" aria-hidden="true" focusable="false">
            {kind === 'line' ? (
              <>
                <line x1="0" x2="28" y1="7" y2="7" stroke={colour(i)} stroke-width="3" stroke-dasharray={dashes[i % dashes.length] || undefined} />
                <Marker index={i} x={14} y={7} />
              </>
            ) : (
              <rect x="2" y="1" width="24" height="12" fill={colour(i)} />
            )}
          </svg>{' '}
          <span safe>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}

function colour(i: number): string {
  return seriesColours[i % seriesColours.length]!;
}

/** Circle, square, triangle, diamond…: a second cue besides colour. */
function Marker({ index, x, y }: { index: number; x: number; y: number }): JSX.Element {
  const c = colour(index);
  const r = 4.5;
  switch (index % 4) {
    case 0:
      return <circle cx={fmt(x)} cy={fmt(y)} r={String(r)} fill={c} />;
    case 1:
      return <rect x={fmt(x - r)} y={fmt(y - r)} width={String(2 * r)} height={String(2 * r)} fill={c} />;
    case 2:
      return <path d={`M${fmt(x)} ${fmt(y - r - 1)}L${fmt(x + r + 1)} ${fmt(y + r)}L${fmt(x - r - 1)} ${fmt(y + r)}Z`} fill={c} />;
    default:
      return <path d={`M${fmt(x)} ${fmt(y - r - 1)}L${fmt(x + r + 1)} ${fmt(y)}L${fmt(x)} ${fmt(y + r + 1)}L${fmt(x - r - 1)} ${fmt(y)}Z`} fill={c} />;
  }
}

/**
 * The chart's numbers as a table: categories down, series across. The wrapper scrolls sideways on
 * a narrow screen, so it is focusable (keyboard scrolling) and named by the caption.
 */
export function ChartTable({ ctx, id, title, categories, categoryLabels, categoryHeader, series, unit, totalLabel }: ChartProps): JSX.Element {
  const labels = categoryLabels ?? categories;
  return (
    <div class="rk-table-wrap" role="region" tabindex="0" aria-labelledby={`${id}-caption`}>
      <table class="rk-table rk-chart__table" id={`${id}-table`}>
        <caption class="rk-chart__caption" id={`${id}-caption`} safe>
          {unit ? ctx.tFormat(`${title}（表・単位：${unit}）`, `${title} (table, ${unit})`) : ctx.tFormat(`${title}（表）`, `${title} (table)`)}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {categoryHeader}
            </th>
            {series.map((s) => (
              <th scope="col" safe>
                {s.label}
              </th>
            ))}
            {totalLabel ? (
              <th scope="col" safe>
                {totalLabel}
              </th>
            ) : (
              ''
            )}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, row) => (
            <tr>
              <th scope="row" safe>
                {label}
              </th>
              {series.map((s) => (
                <td class="rk-number" safe>
                  {formatCount(s.values[row] ?? 0)}
                </td>
              ))}
              {totalLabel ? (
                <td class="rk-number" safe>
                  {formatCount(series.reduce((sum, s) => sum + (s.values[row] ?? 0), 0))}
                </td>
              ) : (
                ''
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One line per series over the categories (e.g. counts at the end of each 年度). */
export function LineChart(props: ChartProps): JSX.Element {
  const { ctx, id, title, description, categories, series } = props;
  const height = 300;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const step = categories.length > 1 ? plotW / (categories.length - 1) : 0;
  const x = (i: number) => PAD.left + (categories.length > 1 ? i * step : plotW / 2);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const stride = labelStride(categories.length, plotW, 44);
  return (
    <div class="rk-chart" id={id}>
      <Frame ctx={ctx} id={id} title={title} description={description} height={height}>
        <YAxis ticks={ticks} y={y} width={WIDTH} />
        <g aria-hidden="true">
          {categories.map((c, i) =>
            i % stride === 0 || i === categories.length - 1 ? (
              <text x={fmt(x(i))} y={String(height - PAD.bottom + FONT + 8)} text-anchor="middle" fill={INK} safe>
                {c}
              </text>
            ) : (
              ''
            ),
          )}
        </g>
        <g aria-hidden="true">
          {series.map((s, si) => (
            <g>
              <polyline
                points={s.values.map((v, i) => `${fmt(x(i))},${fmt(y(v))}`).join(' ')}
                fill="none"
                stroke={colour(si)}
                stroke-width="2.5"
                stroke-dasharray={dashes[si % dashes.length] || undefined}
                stroke-linejoin="round"
              />
              {s.values.map((v, i) => (
                <Marker index={si} x={x(i)} y={y(v)} />
              ))}
            </g>
          ))}
        </g>
      </Frame>
      <Legend series={series} kind="line" />
      <ChartTable {...props} />
    </div>
  );
}

/** Vertical bars per category, the series stacked (e.g. projects per 年度: wards + joint). */
export function StackedBarChart(props: ChartProps): JSX.Element {
  const { ctx, id, title, description, categories, series } = props;
  const height = 300;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1]!;
  const band = categories.length > 0 ? plotW / categories.length : plotW;
  const barW = Math.max(4, band * 0.6);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const stride = labelStride(categories.length, plotW, 44);
  return (
    <div class="rk-chart" id={id}>
      <Frame ctx={ctx} id={id} title={title} description={description} height={height}>
        <YAxis ticks={ticks} y={y} width={WIDTH} />
        <g aria-hidden="true">
          {categories.map((c, i) => {
            let base = 0;
            const cx = PAD.left + band * i + band / 2;
            return (
              <g>
                {series.map((s, si) => {
                  const v = s.values[i] ?? 0;
                  const y0 = y(base);
                  base += v;
                  const y1 = y(base);
                  return v > 0 ? <rect x={fmt(cx - barW / 2)} y={fmt(y1)} width={fmt(barW)} height={fmt(y0 - y1)} fill={colour(si)} stroke="#ffffff" stroke-width="1" /> : '';
                })}
                {i % stride === 0 || i === categories.length - 1 ? (
                  <text x={fmt(cx)} y={String(height - PAD.bottom + FONT + 8)} text-anchor="middle" fill={INK} safe>
                    {c}
                  </text>
                ) : (
                  ''
                )}
              </g>
            );
          })}
        </g>
      </Frame>
      <Legend series={series} kind="bar" />
      <ChartTable {...props} />
    </div>
  );
}

/** Horizontal bars, one series (e.g. projects per field); the value is printed at each bar's end. */
export function HorizontalBarChart(props: ChartProps): JSX.Element {
  const { ctx, id, title, description, categories, series } = props;
  const values = series[0]?.values ?? [];
  const labelW = 200;
  const rowH = 34;
  const height = PAD.top + rowH * categories.length + 8;
  const plotW = WIDTH - labelW - PAD.right - 48;
  const max = Math.max(0, ...values);
  const scale = max === 0 ? 0 : plotW / max;
  return (
    <div class="rk-chart" id={id}>
      <Frame ctx={ctx} id={id} title={title} description={description} height={height}>
        <g aria-hidden="true">
          <line x1={String(labelW)} x2={String(labelW)} y1={String(PAD.top - 4)} y2={String(height - 4)} stroke={AXIS} stroke-width="1" />
          {categories.map((c, i) => {
            const v = values[i] ?? 0;
            const yTop = PAD.top + i * rowH;
            return (
              <g>
                <text x={String(labelW - 8)} y={fmt(yTop + rowH / 2 + FONT / 3)} text-anchor="end" fill={INK} safe>
                  {c}
                </text>
                {v > 0 ? <rect x={String(labelW)} y={fmt(yTop + 6)} width={fmt(Math.max(1, v * scale))} height={String(rowH - 12)} fill={colour(0)} /> : ''}
                <text x={fmt(labelW + v * scale + 6)} y={fmt(yTop + rowH / 2 + FONT / 3)} fill={INK} safe>
                  {formatCount(v)}
                </text>
              </g>
            );
          })}
        </g>
      </Frame>
      <ChartTable {...props} />
    </div>
  );
}
