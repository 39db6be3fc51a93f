// iCalendar (RFC 5545) of events, written with ical.js: one VEVENT per event with a stable UID,
// times in Asia/Tokyo (TZID, with the VTIMEZONE block), all-day events as DATE values (DTEND the
// day after the last), the event's page in URL and — since calendar clients ignore URL — also at
// the end of DESCRIPTION.
import ICAL from 'ical.js';
import { markdownToText } from '../../../views/markdown.ts';
import type { Event } from '../record.ts';

// Japan has kept +09:00 without daylight saving time since 1951.
const VTIMEZONE = ['BEGIN:VTIMEZONE', 'TZID:Asia/Tokyo', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0900', 'TZNAME:JST', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');

export interface CalendarOptions {
  /** The site's public address, e.g. https://renkei.example (no trailing slash). */
  publicUrl: string;
  name: string;
}

function dateParts(iso: string): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function localTime(dateIso: string, hhmm: string): ICAL.Time {
  return ICAL.Time.fromData({ ...dateParts(dateIso), hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)), second: 0, isDate: false });
}

function setJapanTime(vevent: ICAL.Component, name: 'dtstart' | 'dtend', time: ICAL.Time): void {
  const property = vevent.addPropertyWithValue(name, time);
  property.setParameter('tzid', 'Asia/Tokyo');
}

export function eventAbsoluteUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/events/${id}`;
}

export function eventUid(publicUrl: string, id: string): string {
  return `event-${id}@${new URL(publicUrl).hostname}`;
}

function vevent(e: Event, options: CalendarOptions): ICAL.Component {
  const v = new ICAL.Component('vevent');
  const url = eventAbsoluteUrl(options.publicUrl, e.id);
  v.addPropertyWithValue('uid', eventUid(options.publicUrl, e.id));
  v.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(e.updatedAt), true));
  v.addPropertyWithValue('last-modified', ICAL.Time.fromJSDate(new Date(e.updatedAt), true));
  v.addPropertyWithValue('summary', e.title);
  if (e.startTime) {
    setJapanTime(v, 'dtstart', localTime(e.startsOn, e.startTime));
    if (e.endTime) setJapanTime(v, 'dtend', localTime(e.endsOn, e.endTime));
    else if (e.endsOn !== e.startsOn) setJapanTime(v, 'dtend', localTime(e.endsOn, '23:59'));
  } else {
    v.addPropertyWithValue('dtstart', ICAL.Time.fromData({ ...dateParts(e.startsOn), isDate: true }));
    v.addPropertyWithValue('dtend', ICAL.Time.fromData({ ...dateParts(nextDay(e.endsOn)), isDate: true }));
  }
  const place = [e.venueName, [e.address, e.addressExtra].filter(Boolean).join(' ')].filter(Boolean).join(' ');
  if (place) v.addPropertyWithValue('location', place);
  else if (e.online) v.addPropertyWithValue('location', 'オンライン');
  const description = [e.dateNote, e.description ? markdownToText(e.description) : '', url].filter(Boolean).join('\n\n');
  v.addPropertyWithValue('description', description);
  v.addPropertyWithValue('url', url);
  v.addPropertyWithValue('categories', e.kind);
  if (e.latitude !== null && e.longitude !== null) v.addPropertyWithValue('geo', [e.latitude, e.longitude]);
  v.addPropertyWithValue('status', 'CONFIRMED');
  return v;
}

export function eventsCalendar(events: readonly Event[], options: CalendarOptions): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('prodid', '-//特別区全国連携プロジェクト//Renkei events//JA');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', options.name);
  cal.addPropertyWithValue('x-wr-timezone', 'Asia/Tokyo');
  cal.addSubcomponent(ICAL.Component.fromString(VTIMEZONE));
  for (const e of events) cal.addSubcomponent(vevent(e, options));
  return cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
