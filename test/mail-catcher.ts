// A real SMTP server on loopback (smtp-server) that keeps every message it receives, parsed with
// mailparser, so tests read codes from mail exactly as a person would.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  html: string | false;
  /** Raw header values by lower-case name (e.g. list-unsubscribe), as sent. */
  headers: Record<string, string>;
}

export interface MailCatcher {
  url: string;
  messages: CaughtMail[];
  /** The newest mail to `to` (waiting up to 5 s for it). */
  waitFor(to: string, subjectIncludes?: string): Promise<CaughtMail>;
  close(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(',') : (mail.to?.text ?? '');
          const headers = Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()]));
          messages.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', html: mail.html ?? false, headers });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(to, subjectIncludes) {
      const deadline = Date.now() + 5000;
      for (;;) {
        const found = [...messages].reverse().find((m) => m.to.includes(to) && (!subjectIncludes || m.subject.includes(subjectIncludes)));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to}${subjectIncludes ? ` about ${subjectIncludes}` : ''}; got ${messages.map((m) => `${m.to}: ${m.subject}`).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The 6-digit code in a mail's text. */
export function codeIn(mail: CaughtMail): string {
  const match = /(?<!\d)(\d{6})(?!\d)/.exec(mail.text);
  if (!match) throw new Error(`no 6-digit code in: ${mail.text}`);
  return match[1]!;
}
