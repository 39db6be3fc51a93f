// A tiny browser for inject(): keeps cookies, and fills in the CSRF token of the last page it
// saw, so tests submit forms the way a person does.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class TestClient {
  readonly cookies = new Map<string, string>();
  private lastCsrf: string | undefined;

  /** `ip`: the address the requests come from (the socket's, as the app sees it without a proxy). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { ip?: string; headers?: Record<string, string> } = {},
  ) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: this.headers(), ...this.remote() });
    this.remember(res);
    return res;
  }

  /**
   * Posts a form. Unless `csrf` is given (or false, to send none), the token comes from the
   * last page fetched; `from` fetches that page first.
   */
  async post(url: string, form: Record<string, string | string[]>, options: { from?: string; csrf?: string | false } = {}): Promise<LightMyRequestResponse> {
    if (options.from) await this.get(options.from);
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
    const token = options.csrf === undefined ? this.lastCsrf : options.csrf;
    if (token) body.set('_csrf', token);
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
      ...this.remote(),
    });
    this.remember(res);
    return res;
  }

  /**
   * Posts a form with files as a browser does (multipart/form-data, the CSRF token first). Fields
   * keep their order; a file is { fileName, content, contentType }.
   */
  async postMultipart(
    url: string,
    fields: Array<[string, string]>,
    files: Array<{ field: string; fileName: string; content: Buffer; contentType?: string }> = [],
    options: { csrf?: string | false } = {},
  ): Promise<LightMyRequestResponse> {
    const boundary = `----renkei-test-${Math.random().toString(36).slice(2)}`;
    const token = options.csrf === undefined ? this.lastCsrf : options.csrf;
    const parts: Buffer[] = [];
    const field = (name: string, value: string) =>
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
    if (token) field('_csrf', token);
    for (const [name, value] of fields) field(name, value);
    for (const file of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
          'utf8',
        ),
        file.content,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...this.headers(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(parts),
    });
    this.remember(res);
    return res;
  }

  /** Follows a redirect response with a GET. */
  async follow(res: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    const location = res.headers.location;
    if (!location) throw new Error(`not a redirect: ${res.statusCode}`);
    return this.get(String(location));
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private headers(): Record<string, string> {
    return { ...this.options.headers, ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}) };
  }

  private remote(): { remoteAddress?: string } {
    return this.options.ip ? { remoteAddress: this.options.ip } : {};
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (match) this.lastCsrf = match[1];
  }
}
