// The notification forms' input, checked with zod: the mail settings (one frequency per kind) and
// the id of a notification to mark read.
import { z } from 'zod';
import type { NotificationFrequency } from '../../db/schema.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import type { PageContext } from '../../views/context.ts';
import { frequencies, kindLabel, notificationKinds, type NotificationKind } from './kinds.ts';

export type SettingsValue = Record<NotificationKind, NotificationFrequency>;
export type SettingsInput = Record<NotificationKind, string>;

type Parsed<V, I> = { ok: true; value: V; input: I } | { ok: false; errors: FieldError[]; input: I };

const frequencySchema = z.enum(frequencies);

/** The field name and element id of a kind's choice. */
export const settingsField = (kind: NotificationKind) => `frequency-${kind}`;

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

export function parseSettings(ctx: PageContext, body: unknown): Parsed<SettingsValue, SettingsInput> {
  const input = Object.fromEntries(notificationKinds.map((k) => [k, field(body, settingsField(k)).slice(0, 20)])) as SettingsInput;
  const value: Partial<SettingsValue> = {};
  const errors: FieldError[] = [];
  for (const kind of notificationKinds) {
    const result = frequencySchema.safeParse(input[kind].normalize('NFKC').trim());
    if (result.success) value[kind] = result.data;
    else errors.push({ field: settingsField(kind), message: ctx.tFormat(`「${kindLabel(ctx, kind)}」の通知をメールで受け取る頻度を選んでください。`, `Choose how often to receive mail for “${kindLabel(ctx, kind)}”.`) });
  }
  return errors.length > 0 ? { ok: false, errors, input } : { ok: true, value: value as SettingsValue, input };
}

const idSchema = z.string().regex(/^[0-9a-f-]{36}$/);

export function parseNotificationId(body: unknown): string | undefined {
  const result = idSchema.safeParse(field(body, 'id'));
  return result.success ? result.data : undefined;
}

const pageSchema = z.coerce.number().int().min(1).max(10_000);

export function parsePage(query: unknown): number {
  const result = pageSchema.safeParse(field(query, 'page') || '1');
  return result.success ? result.data : 1;
}
