// The static assets (src/assets/* and the Digital Agency design tokens), read once at start and
// served from memory under content-hashed names: `/assets/site.3f9a1c2b.css`. The name changes
// when a byte changes, so a browser may keep a file for a year (`immutable`) and a new release is
// still seen at once. Pages link assets only through assetUrl(); the plain names
// (`/assets/site.css`) still answer, with a short cache, for old pages and bookmarks.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeSync, isCompressible, MIN_COMPRESSED_BYTES, type Encoding } from './transfer.ts';

export interface Asset {
  /** The plain name, e.g. `site.css`. */
  name: string;
  /** The content-hashed name, e.g. `site.3f9a1c2b.css`. */
  hashedName: string;
  contentType: string;
  bytes: Buffer;
  /** Whether it is worth compressing (text, 1 KB or more). */
  compressible: boolean;
  /** Encoded once (best quality), on the first request that accepts the encoding. */
  encoded: Partial<Record<Encoding, Buffer>>;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** `site.css` + its bytes → `site.<8 hex of SHA-256>.css`. */
export function hashedAssetName(name: string, bytes: Buffer): string {
  const ext = extname(name);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
}

export function makeAsset(name: string, bytes: Buffer): Asset {
  const contentType = CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
  const hashedName = hashedAssetName(name, bytes);
  const compressible = bytes.length >= MIN_COMPRESSED_BYTES && isCompressible(contentType);
  return { name, hashedName, contentType, bytes, compressible, encoded: {}, etag: `"${hashedName}"` };
}

/** The asset's bytes in the encoding (made the first time it is asked for). */
export function assetEncoding(asset: Asset, encoding: Encoding): Buffer {
  return (asset.encoded[encoding] ??= encodeSync(asset.bytes, encoding, encoding === 'br' ? 11 : 8));
}

/** Every file under a folder, named by its path in it (`site.css`, `images/map.png`), plus the extra ones given. */
export function loadAssets(dir: string, extra: Record<string, Buffer> = {}): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const name = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) assets.set(name, makeAsset(name, readFileSync(join(dir, name))));
    }
  };
  walk('');
  for (const [name, bytes] of Object.entries(extra)) assets.set(name, makeAsset(name, bytes));
  return assets;
}

const require = createRequire(import.meta.url);

/** This app's assets: src/assets/* and `tokens.css` (the design tokens from their npm package). */
export const siteAssets: ReadonlyMap<string, Asset> = loadAssets(fileURLToPath(new URL('../assets/', import.meta.url)), {
  'tokens.css': readFileSync(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css')),
});

/** The URL of an asset under its content-hashed name: `assetUrl('site.css')` → `/assets/site.3f9a1c2b.css`. */
export function assetUrl(name: string): string {
  const asset = siteAssets.get(name);
  if (!asset) throw new Error(`no asset named ${name} in src/assets`);
  return `/assets/${asset.hashedName}`;
}
