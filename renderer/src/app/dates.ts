/**
 * Dates on screen, by the one rule in shared/date-format.ts and the workspace's locale. Read at
 * call time (table cells, messages); the shell remounts the view when the locale changes, so
 * nothing keeps showing the old format.
 */
import { defaultLocale, formatDate, formatDateTime } from '../../../shared/date-format';
import { useApp } from './store';

export function currentLocale(): string {
  return useApp.getState().workspace?.locale ?? defaultLocale;
}

/** 'YYYY-MM-DD' → "7 Dec 2026" (en-GB) or "Dec 7, 2026" (en-US); no date → `none`. */
export function showDate(day: string | null | undefined, none = '—'): string {
  return day ? formatDate(day, currentLocale()) : none;
}

/** An ISO timestamp → day and time on this machine's clock, in the workspace's locale. */
export function showDateTime(iso: string): string {
  return formatDateTime(iso, currentLocale());
}
