// Reading a harvested iCalendar feed with ical.js: each VEVENT (the first occurrence of a
// recurring one) becomes an event input keyed by its UID; times are taken in Japan
// (a time with a zone is converted; a floating time is taken as Japan's), an all-day DTEND is
// exclusive. Events without SUMMARY or DTSTART are skipped with a message.
import ICAL from 'ical.js';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { blankEventInput, eventInputSchema, type EventInput } from '../record.ts';

export interface IcalEntry {
  uid: string;
  input: EventInput;
}

const JST_MS = 9 * 3600 * 1000;

function japanParts(time: ICAL.Time): { date: string; time: string | null } {
  if (time.isDate) return { date: `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`, time: null };
  const floating = time.zone === ICAL.Timezone.localTimezone || !time.zone;
  const jsUtc = floating
    ? Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute) - JST_MS
    : time.toJSDate().getTime();
  const jst = new Date(jsUtc + JST_MS);
  return { date: formatIsoDate(new Date(jsUtc)), time: `${String(jst.getUTCHours()).padStart(2, '0')}:${String(jst.getUTCMinutes()).padStart(2, '0')}` };
}

function previousDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function readIcal(text: string, defaultCode: string): { entries: IcalEntry[]; skipped: string[] } {
  const root = new ICAL.Component(ICAL.parse(text));
  // Register the feed's own time zones so that TZID times convert correctly.
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const entries: IcalEntry[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const component of root.getAllSubcomponents('vevent')) {
    const ev = new ICAL.Event(component);
    const uid = (ev.uid ?? '').slice(0, 200);
    if (!ev.summary || !ev.startDate || !uid) {
      skipped.push(`UID「${uid || '（なし）'}」：件名または開始日時がありません。`);
      continue;
    }
    if (seen.has(uid) || component.getFirstPropertyValue('recurrence-id')) continue;
    seen.add(uid);
    const start = japanParts(ev.startDate);
    const end = ev.endDate ? japanParts(ev.endDate) : start;
    const input = blankEventInput();
    input.title = ev.summary.slice(0, 200);
    input.startsOn = start.date;
    input.startTime = start.time;
    if (ev.startDate.isDate) {
      input.endsOn = ev.endDate && end.date > start.date ? previousDay(end.date) : start.date;
    } else {
      input.endsOn = end.date < start.date ? start.date : end.date;
      input.endTime = ev.endDate ? end.time : null;
      if (input.endsOn === input.startsOn && input.endTime && input.startTime && input.endTime < input.startTime) input.endTime = null;
    }
    input.venueName = (ev.location ?? '').slice(0, 200);
    input.description = (ev.description ?? '').slice(0, 20000);
    const url = String(component.getFirstPropertyValue('url') ?? '');
    if (/^https?:\/\/\S+$/.test(url) && url.length <= 500) input.url = url;
    input.online = !input.venueName && /オンライン|online/i.test(`${ev.summary} ${ev.description ?? ''}`);
    if (!input.venueName && !input.online) input.venueName = '';
    input.municipalityCodes = [defaultCode];
    const checked = eventInputSchema.safeParse(input);
    if (!checked.success) {
      skipped.push(`UID「${uid}」：内容を読めませんでした。`);
      continue;
    }
    entries.push({ uid, input: checked.data });
  }
  return { entries, skipped };
}
