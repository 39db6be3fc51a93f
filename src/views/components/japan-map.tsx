// A map of Japan coloured by a count per prefecture (5-step sequential scale, with a legend), each
// prefecture a link. Two drawings of the same data: the tile grid (one equal square per prefecture,
// src/domain/prefecture-tiles.ts), or, when the operator supplies a boundary file, the geographic
// shapes (src/views/boundary-map.ts) with the data source's credit. A table with the same numbers
// follows either drawing. The number is printed on each tile, so colour is never the only cue.
import { classLowerBound, classOf, prefectureTiles, sequentialBreaks, tileGridSize, type PrefectureTile } from '../../domain/prefecture-tiles.ts';
import { prefectureNamesEn } from '../../domain/regions.ts';
import type { BoundaryMap } from '../boundary-map.ts';
import type { PageContext } from '../context.ts';
import { formatCount } from '../format.ts';
import { contrastRatio } from './charts.tsx';

/** Light to dark blue. Each class's text colour is the one with the better contrast (≥ 4.5:1). */
export const mapScale = ['#d9e6ff', '#9db7f9', '#5b83ef', '#1d4ed8', '#0a2472'] as const;
export const noneFill = '#ffffff';
const INK = '#1a1a1a';
const WHITE = '#ffffff';
const BORDER = '#595959';

const textColours = new Map<string, string>();

/** The text colour with the better contrast on a fill (a handful of fills: each decided once). */
export function textColourOn(fill: string): string {
  let colour = textColours.get(fill);
  if (colour === undefined) textColours.set(fill, (colour = contrastRatio(fill, INK) >= contrastRatio(fill, WHITE) ? INK : WHITE));
  return colour;
}

export interface JapanMapProps {
  ctx: PageContext;
  id: string;
  title: string;
  description: string;
  /** Count per 2-digit prefecture code; missing = 0. */
  counts: Readonly<Record<string, number>>;
  /** The unit after a number: 「自治体」. */
  unit: string;
  /** Where a prefecture links to. */
  hrefOf: (prefectureCode: string) => string;
  /** Draw the geographic shapes instead of the tile grid. */
  boundary?: BoundaryMap;
}

function prefectureName(ctx: PageContext, t: PrefectureTile): string {
  return ctx.lang === 'en' ? (prefectureNamesEn[t.code] ?? t.name) : t.name;
}

function linkLabel(ctx: PageContext, t: PrefectureTile, n: number, unit: string): string {
  return ctx.tFormat(`${t.name}：${formatCount(n)}${unit}（自治体の一覧へ）`, `${prefectureName(ctx, t)}: ${formatCount(n)} (list of municipalities)`);
}

export function JapanMap(props: JapanMapProps): JSX.Element {
  const { ctx, id, counts, boundary } = props;
  const breaks = sequentialBreaks(Math.max(0, ...prefectureTiles.map((t) => counts[t.code] ?? 0)));
  const fillOf = (n: number) => {
    const c = classOf(n, breaks);
    return c < 0 ? noneFill : mapScale[c + (mapScale.length - breaks.length)]!;
  };
  return (
    <div class="rk-map" id={id}>
      {boundary ? <GeoMap {...props} boundary={boundary} fillOf={fillOf} /> : <TileMap {...props} fillOf={fillOf} />}
      <MapLegend ctx={ctx} breaks={breaks} unit={props.unit} fillOf={fillOf} />
      {boundary ? (
        <p class="rk-map__credit">
          {ctx.t('出典：国土交通省 国土数値情報（行政区域データ）を加工して作成', 'Source: 国土交通省 国土数値情報（行政区域データ）を加工して作成 (MLIT National Land Numerical Information, administrative areas, processed)')}
        </p>
      ) : (
        ''
      )}
      <MapTable {...props} />
    </div>
  );
}

function TileMap({ ctx, id, title, description, counts, unit, hrefOf, fillOf }: JapanMapProps & { fillOf: (n: number) => string }): JSX.Element {
  const cell = 50;
  const size = 46;
  const width = tileGridSize.cols * cell;
  const height = tileGridSize.rows * cell;
  return (
    <svg
      class="rk-map__svg"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="group"
      aria-labelledby={`${id}-title ${id}-desc`}
      font-family="sans-serif"
      lang={ctx.lang}
    >
      <title id={`${id}-title`} safe>
        {title}
      </title>
      <desc id={`${id}-desc`} safe>
        {description}
      </desc>
      {prefectureTiles.map((t) => {
        const n = counts[t.code] ?? 0;
        const fill = fillOf(n);
        const ink = textColourOn(fill);
        const label = ctx.lang === 'en' ? (prefectureNamesEn[t.code] ?? t.shortName) : t.shortName;
        const x = t.col * cell + (cell - size) / 2;
        const y = t.row * cell + (cell - size) / 2;
        return (
          <a href={hrefOf(t.code)} aria-label={linkLabel(ctx, t, n, unit)} class="rk-map__link">
            <rect x={String(x)} y={String(y)} width={String(size)} height={String(size)} rx="3" fill={fill} stroke={BORDER} stroke-width="1" />
            <text x={String(x + size / 2)} y={String(y + 19)} text-anchor="middle" font-size={tileLabelSize(label)} fill={ink} aria-hidden="true" safe>
              {label}
            </text>
            <text x={String(x + size / 2)} y={String(y + 37)} text-anchor="middle" font-size="13" font-weight="bold" fill={ink} aria-hidden="true" safe>
              {formatCount(n)}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

/** Font size that fits a label in a 46-unit tile: 鹿児島 or Kagoshima need a smaller one. */
function tileLabelSize(label: string): string {
  if (/^[\x20-\x7e]+$/.test(label)) return label.length > 6 ? '8.5' : '10.5';
  return label.length > 2 ? '11' : '13';
}

function GeoMap({ ctx, id, title, description, counts, unit, hrefOf, fillOf, boundary }: JapanMapProps & { fillOf: (n: number) => string; boundary: BoundaryMap }): JSX.Element {
  return (
    <svg
      class="rk-map__svg rk-map__svg--geo"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${boundary.width} ${boundary.height}`}
      width="100%"
      role="group"
      aria-labelledby={`${id}-title ${id}-desc`}
      lang={ctx.lang}
    >
      <title id={`${id}-title`} safe>
        {title}
      </title>
      <desc id={`${id}-desc`} safe>
        {description}
      </desc>
      {boundary.inset ? (
        <rect
          x={String(boundary.inset.x)}
          y={String(boundary.inset.y)}
          width={String(boundary.inset.width)}
          height={String(boundary.inset.height)}
          fill="none"
          stroke={BORDER}
          stroke-width="1"
          stroke-dasharray="4 3"
          aria-hidden="true"
        />
      ) : (
        ''
      )}
      {prefectureTiles.map((t) => {
        const d = boundary.paths.get(t.code);
        if (!d) return '';
        const n = counts[t.code] ?? 0;
        return (
          <a href={hrefOf(t.code)} aria-label={linkLabel(ctx, t, n, unit)} class="rk-map__link">
            <path d={d} fill={fillOf(n)} stroke={BORDER} stroke-width="0.75" stroke-linejoin="round" />
          </a>
        );
      })}
    </svg>
  );
}

function MapLegend({ ctx, breaks, unit, fillOf }: { ctx: PageContext; breaks: number[]; unit: string; fillOf: (n: number) => string }): JSX.Element {
  const items = [
    { fill: noneFill, label: ctx.tFormat(`0${unit}`, '0') },
    ...breaks.map((b, i) => {
      const lo = classLowerBound(i, breaks);
      const range = lo === b ? formatCount(b) : `${formatCount(lo)}〜${formatCount(b)}`;
      return { fill: fillOf(b), label: ctx.tFormat(`${range}${unit}`, range.replace('〜', '–')) };
    }),
  ];
  return (
    <div class="rk-map__legend">
      <p class="rk-map__legend-title">{ctx.t('凡例（自治体数）', 'Legend (municipalities)')}</p>
      <ul class="rk-chart__legend">
        {items.map((item) => (
          <li class="rk-chart__legend-item">
            <svg class="rk-chart__swatch" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true" focusable="false">
              <rect x="0.5" y="0.5" width="19" height="13" fill={item.fill} stroke={BORDER} stroke-width="1" />
            </svg>{' '}
            <span safe>{item.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function MapTable(props: JapanMapProps): JSX.Element {
  const { ctx, id, title, counts, hrefOf } = props;
  const total = prefectureTiles.reduce((sum, t) => sum + (counts[t.code] ?? 0), 0);
  return (
    <details class="rk-map__table" open={props.boundary !== undefined}>
      <summary>{ctx.t('都道府県別の自治体数を表で見る', 'Show the counts per prefecture as a table')}</summary>
      <div class="rk-table-wrap" role="region" tabindex="0" aria-labelledby={`${id}-caption`}>
        <table class="rk-table" id={`${id}-table`}>
          <caption class="rk-chart__caption" id={`${id}-caption`} safe>
            {ctx.tFormat(`${title}（表）`, `${title} (table)`)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('都道府県', 'Prefecture')}</th>
              <th scope="col">{ctx.t('自治体数', 'Municipalities')}</th>
            </tr>
          </thead>
          <tbody>
            {prefectureTiles.map((t) => (
              <tr>
                <th scope="row">
                  <a href={hrefOf(t.code)} safe>
                    {prefectureName(ctx, t)}
                  </a>
                </th>
                <td class="rk-number" safe>
                  {formatCount(counts[t.code] ?? 0)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{ctx.t('合計', 'Total')}</th>
              <td class="rk-number" safe>
                {formatCount(total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </details>
  );
}
