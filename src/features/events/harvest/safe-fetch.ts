// Fetching a municipality's feed without letting the URL reach inside our network (SSRF): http(s)
// only; the host name is resolved here and every address checked (no private, loopback,
// link-local, multicast, reserved or IPv4-mapped/NAT64 forms of those); the connection goes to the
// checked address (the socket's lookup returns it), so a second DNS answer cannot swap it
// (rebinding); redirects are followed by hand, at most 3, each checked the same way; the body is
// limited in size and the whole fetch in time. `allowHosts` (HARVEST_ALLOW_HOSTS) lets tests reach
// loopback.
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface SafeFetchOptions {
  allowHosts: readonly string[];
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export type FetchResult = { ok: true; bytes: Buffer; contentType: string; finalUrl: string } | { ok: false; error: string };

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d or ::ffff:7f00:1), if any. */
export function mappedIPv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return undefined;
}

/** True for an address a harvest must never connect to. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const v4 = mappedIPv4(address);
    if (v4) return blocked.check(v4, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

class FetchRefused extends Error {}

async function checkedAddress(hostname: string, allowHosts: readonly string[]): Promise<{ address: string; family: 4 | 6 }> {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = allowHosts.includes(host);
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal as 4 | 6 }] : ((await lookup(host, { all: true, verbatim: true }).catch(() => [])) as Array<{ address: string; family: 4 | 6 }>);
  if (addresses.length === 0) throw new FetchRefused(`ホスト名「${host}」を解決できませんでした。`);
  if (!allowed) {
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (bad) throw new FetchRefused(`「${host}」は内部向けのアドレス（${bad.address}）を指しているため、取得しません。`);
  }
  return addresses[0]!;
}

function requestOnce(url: URL, target: { address: string; family: 4 | 6 }, maxBytes: number, signal: AbortSignal): Promise<{ status: number; location?: string; contentType: string; bytes: Buffer }> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options && (options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      { method: 'GET', lookup: pinned, signal, headers: { 'user-agent': 'Renkei-event-harvester/1.0 (Tokyo 23 City All Nippon Collaboration Project)', accept: 'text/csv, text/calendar, text/plain, */*;q=0.5' }, agent: false },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers['content-type'] ?? '');
        if (status >= 300 && status < 400) {
          res.resume();
          resolve({ status, location: res.headers.location, contentType, bytes: Buffer.alloc(0) });
          return;
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          res.destroy();
          reject(new FetchRefused(`ファイルが大きすぎます（${maxBytes / 1024 / 1024}MBまで）。`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            reject(new FetchRefused(`ファイルが大きすぎます（${maxBytes / 1024 / 1024}MBまで）。`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status, contentType, bytes: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export async function safeFetch(rawUrl: string, options: SafeFetchOptions): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 3;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, error: 'アドレスの形式が正しくありません。' };
  }
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'http:// または https:// のアドレスだけを取得します。' };
      if (url.username || url.password) return { ok: false, error: 'ユーザー名・パスワードを含むアドレスは取得しません。' };
      const target = await checkedAddress(url.hostname, options.allowHosts);
      const res = await requestOnce(url, target, maxBytes, signal);
      if (res.location !== undefined) {
        if (hop >= maxRedirects) return { ok: false, error: `転送（リダイレクト）が${maxRedirects}回を超えました。` };
        url = new URL(res.location, url);
        continue;
      }
      if (res.status !== 200) return { ok: false, error: `サーバーが ${res.status} を返しました。` };
      return { ok: true, bytes: res.bytes, contentType: res.contentType, finalUrl: url.toString() };
    }
  } catch (error) {
    if (error instanceof FetchRefused) return { ok: false, error: error.message };
    if (signal.aborted) return { ok: false, error: `${(options.timeoutMs ?? 10_000) / 1000}秒以内に取得できませんでした。` };
    return { ok: false, error: `取得できませんでした（${error instanceof Error ? error.message.slice(0, 120) : String(error)}）。` };
  }
}
