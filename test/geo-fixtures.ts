// Where the tests find the 国土数値情報 boundary files (../shared/data/geo, see its SOURCE.md). They
// are not copied into the project: an operator supplies such a file. The tests look beside the
// project first, then at the workplace's shared folder (a clean clone for CI may live elsewhere),
// or wherever RENKEI_GEO_DIR points; a missing file fails the test rather than skipping it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export function geoFile(name: 'prefectures.topo.json' | 'municipalities.topo.json'): string {
  const candidates = [process.env.RENKEI_GEO_DIR, resolve(projectRoot, '../shared/data/geo'), '/work/shared/data/geo'].filter((d): d is string => Boolean(d));
  for (const dir of candidates) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
  }
  throw new Error(`boundary file ${name} not found in ${candidates.join(', ')}; set RENKEI_GEO_DIR to the folder of ../shared/data/geo`);
}
