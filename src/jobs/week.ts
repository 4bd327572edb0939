/**
 * ISO weeks in the install's time zone. A week runs from Monday 00:00 to the next Monday 00:00 local
 * time; luxon turns those local instants into UTC, so a week spanning a DST change is still right.
 */
import { DateTime, IANAZone } from 'luxon';

/** An ISO week: its label (`2026-W48`) and its bounds as UTC instants. */
export interface IsoWeek {
  label: string;
  start: Date;
  end: Date;
}

/** True when `zone` is an IANA time zone name luxon (and so croner) understands. */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The ISO week containing `at`, as seen in `zone`. */
export function isoWeek(at: Date, zone: string): IsoWeek {
  const local = DateTime.fromJSDate(at, { zone });
  const start = local.startOf('week');
  const label = `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`;
  return { label, start: start.toUTC().toJSDate(), end: start.plus({ weeks: 1 }).toUTC().toJSDate() };
}

/** The ISO week before the one containing `at`. */
export function previousWeek(at: Date, zone: string): IsoWeek {
  const { start } = isoWeek(at, zone);
  return isoWeek(new Date(start.getTime() - 1), zone);
}

/** A short local date-time for replies, e.g. `Mon 30 Nov 2026, 09:00 (Europe/London)`. */
export function formatLocal(at: Date, zone: string): string {
  return `${DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}
