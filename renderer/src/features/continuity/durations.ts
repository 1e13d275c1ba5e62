/**
 * Durations in continuity are hours (a week is 168 h). People think of them as "4 h", "3 d",
 * "2 wk": these read and write that shape. Pure, so the rules are unit-tested.
 */
import { durationParts } from '../../../../shared/durations';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** 4 → "4 h", 24 → "24 h", 72 → "3 d", 336 → "2 wk", 100 → "4.2 d"; null → "—". The unit rule is shared/durations.ts. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '—';
  const { value, unit } = durationParts(hours);
  return `${value} ${unit}`;
}

/** The same, for an input box: empty when nothing is set. */
export function hoursForEdit(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? '' : formatHours(hours);
}

const units: Record<string, number> = {
  '': 1,
  h: 1,
  hr: 1,
  hrs: 1,
  hour: 1,
  hours: 1,
  d: 24,
  day: 24,
  days: 24,
  w: 168,
  wk: 168,
  wks: 168,
  week: 168,
  weeks: 168,
};

/**
 * "4", "4h", "4 h", "3 d", "1.5 days", "2 wk", "2 weeks" → hours; "" → null (not set).
 * A bare number is hours. Negative numbers and unknown units are refused with the reason.
 */
export function parseHours(text: string): Parsed<number | null> {
  const t = text.trim().toLowerCase();
  if (t === '' || t === '—') return { ok: true, value: null };
  const match = /^(-?\d+(?:[.,]\d+)?|-?[.,]\d+)\s*([a-z]*)$/.exec(t);
  if (!match) return { ok: false, message: `“${text.trim()}” is not a duration; write 4 h, 3 d or 2 wk.` };
  const factor = units[match[2] ?? ''];
  if (factor === undefined) return { ok: false, message: `“${match[2]}” is not a unit; use h, d or wk.` };
  const n = Number((match[1] ?? '').replace(',', '.'));
  if (n < 0) return { ok: false, message: 'A duration cannot be negative.' };
  return { ok: true, value: Math.round(n * factor * 1000) / 1000 };
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export function monthName(m: number): string {
  return monthNames[m - 1] ?? String(m);
}
