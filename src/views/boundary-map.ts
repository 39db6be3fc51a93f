// Prefecture shapes for the geographic map of /collaboration, from a TopoJSON file the operator
// supplies (BOUNDARY_FILE: 国土交通省 国土数値情報 行政区域, e.g. ../shared/data/geo/prefectures.topo.json).
// Each feature is matched to a prefecture by its N03_001 name. Coordinates are projected with a
// plain equirectangular projection, x scaled by cos(37.5°) so that shapes keep their proportions
// at Japan's latitudes; Okinawa is drawn as an inset in the empty sea at the top left, and the
// remote Pacific islands (小笠原諸島, 南鳥島, 沖ノ鳥島) are left out, as on most maps of Japan.
// The result (SVG path data) is computed once per file and kept in memory.
import { readFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { prefectureCodeByName } from '../domain/prefecture-tiles.ts';

export interface BoundaryMap {
  width: number;
  height: number;
  /** SVG path data per 2-digit prefecture code. */
  paths: ReadonlyMap<string, string>;
  /** The frame around the Okinawa inset, in SVG coordinates. */
  inset?: { x: number; y: number; width: number; height: number };
  /** Feature names that match no prefecture (reported, not drawn). */
  unmatched: readonly string[];
}

/** The part of the globe drawn (main islands, Amami included; Hokkaido with the Northern Territories). */
const WINDOW = { lonMin: 128.0, lonMax: 149.0, latMin: 26.9, latMax: 45.7 } as const;
const K = Math.cos((37.5 * Math.PI) / 180);
const SCALE = 44; // SVG units per degree of latitude
const MARGIN = 8;
/** Where the north-west corner of Okinawa's bounds is moved to (in the empty Sea of Japan). */
const OKINAWA_TARGET = { lon: 128.4, lat: 45.4 } as const;
const OKINAWA = '47';
const NAME_PROPERTY = 'N03_001';

const cache = new Map<string, BoundaryMap>();

/** Reads, projects and caches a boundary file; throws an Error that says what is wrong with it. */
export function loadBoundaryMap(path: string, objectName?: string): BoundaryMap {
  const key = `${path}\u0000${objectName ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const map = buildBoundaryMap(readTopology(path), objectName, path);
  cache.set(key, map);
  return map;
}

function readTopology(path: string): Topology {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`boundary file ${path} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'Topology' || typeof (data as { objects?: unknown }).objects !== 'object') {
    throw new Error(`boundary file ${path} is not a TopoJSON Topology`);
  }
  return data as Topology;
}

type Ring = Position[];
type Shape = Ring[]; // one polygon: outer ring, then holes

export function buildBoundaryMap(topology: Topology, objectName: string | undefined, label = 'boundary file'): BoundaryMap {
  const names = Object.keys(topology.objects);
  const name = objectName ?? names[0];
  if (name === undefined || !(name in topology.objects)) {
    throw new Error(`${label} has no object ${JSON.stringify(objectName)} (it has: ${names.join(', ') || 'none'})`);
  }
  const object = topology.objects[name] as GeometryCollection;
  const collection = feature(topology, object);
  const features: Feature[] = 'features' in collection ? collection.features : [collection as Feature];

  const shapesByCode = new Map<string, Shape[]>();
  const unmatched: string[] = [];
  for (const f of features) {
    const propName = String((f.properties as Record<string, unknown> | null)?.[NAME_PROPERTY] ?? '');
    const code = prefectureCodeByName(propName);
    if (!code) {
      unmatched.push(propName);
      continue;
    }
    const polygons = polygonsOf(f.geometry as Polygon | MultiPolygon | null);
    const list = shapesByCode.get(code) ?? [];
    list.push(...polygons);
    shapesByCode.set(code, list);
  }
  if (shapesByCode.size === 0) {
    throw new Error(`${label}: no feature of object ${JSON.stringify(name)} has a prefecture name in ${NAME_PROPERTY}`);
  }

  const width = Math.ceil((WINDOW.lonMax - WINDOW.lonMin) * K * SCALE + 2 * MARGIN);
  const height = Math.ceil((WINDOW.latMax - WINDOW.latMin) * SCALE + 2 * MARGIN);
  const project = ([lon, lat]: Position): [number, number] => [
    Math.round(MARGIN + (lon! - WINDOW.lonMin) * K * SCALE),
    Math.round(MARGIN + (WINDOW.latMax - lat!) * SCALE),
  ];

  const paths = new Map<string, string>();
  let inset: BoundaryMap['inset'];
  for (const [code, shapes] of shapesByCode) {
    let kept: Shape[];
    if (code === OKINAWA) {
      const b = bounds(shapes);
      const dLon = OKINAWA_TARGET.lon - b.lonMin;
      const dLat = OKINAWA_TARGET.lat - b.latMax;
      kept = shapes.map((s) => s.map((ring) => ring.map(([lon, lat]) => [lon! + dLon, lat! + dLat])));
      const [x0, y0] = project([b.lonMin + dLon, b.latMax + dLat]);
      const [x1, y1] = project([b.lonMax + dLon, b.latMin + dLat]);
      inset = { x: x0 - 6, y: y0 - 6, width: x1 - x0 + 12, height: y1 - y0 + 12 };
    } else {
      kept = shapes.filter(isDrawn);
    }
    const d = kept.map((s) => s.map((ring) => ringPath(ring, project)).join('')).join('');
    if (d) paths.set(code, d);
  }
  return { width, height, paths, ...(inset ? { inset } : {}), unmatched };
}

function polygonsOf(geometry: Polygon | MultiPolygon | null): Shape[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function bounds(shapes: Shape[]): { lonMin: number; lonMax: number; latMin: number; latMax: number } {
  let lonMin = Infinity;
  let lonMax = -Infinity;
  let latMin = Infinity;
  let latMax = -Infinity;
  for (const s of shapes)
    for (const [lon, lat] of s[0] ?? []) {
      lonMin = Math.min(lonMin, lon!);
      lonMax = Math.max(lonMax, lon!);
      latMin = Math.min(latMin, lat!);
      latMax = Math.max(latMax, lat!);
    }
  return { lonMin, lonMax, latMin, latMax };
}

/** Within the window, and not one of the remote Pacific islands (south of 30°N and east of 135°E). */
function isDrawn(shape: Shape): boolean {
  const b = bounds([shape]);
  const lon = (b.lonMin + b.lonMax) / 2;
  const lat = (b.latMin + b.latMax) / 2;
  if (lat < 30 && lon > 135) return false;
  return lon >= WINDOW.lonMin && lon <= WINDOW.lonMax && lat >= WINDOW.latMin && lat <= WINDOW.latMax;
}

function ringPath(ring: Ring, project: (p: Position) => [number, number]): string {
  let out = '';
  let last = '';
  let count = 0;
  for (const p of ring) {
    const [x, y] = project(p);
    const here = `${x} ${y}`;
    if (here === last) continue;
    out += (count === 0 ? 'M' : 'L') + here;
    last = here;
    count++;
  }
  // A ring that collapses to fewer than 3 points at this scale draws nothing.
  return count >= 3 ? `${out}Z` : '';
}
