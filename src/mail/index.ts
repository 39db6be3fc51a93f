// Outgoing mail, as plain text only: municipal mail gateways (メール無害化) strip HTML and links,
// so every mail carries codes and addresses as text. With SMTP_URL, nodemailer sends through that
// server; without it, each mail is written to MAIL_DIR as an .eml file and logged, so a new user
// can finish registration on `npm start` without any mail server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058) on notification mail. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(config: AppConfig['mail'], log: (message: string) => void): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      send: async (mail) => {
        await transport.sendMail({ from: config.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    send: async (mail) => {
      const info = await transport.sendMail({ from: config.from, ...mail });
      mkdirSync(config.dir, { recursive: true });
      const file = join(config.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.to.replace(/[^a-z0-9@._-]/gi, '_')}.eml`);
      writeFileSync(file, info.message as Buffer);
      log(`mail to ${mail.to} written to ${file}`);
    },
    close: () => transport.close(),
  };
}
