/**
 * The one rule for showing a date to a person (screens, the board pack, the go-bag): Intl's own
 * medium or long date style in the workspace's locale — "7 Dec 2026" / "7 December 2026" in
 * en-GB, "Dec 7, 2026" / "December 7, 2026" in en-US. Dates are kept as 'YYYY-MM-DD' and shown
 * as the calendar day they name, whatever the machine's time zone. Files (JSON, CSV, xlsx) keep
 * ISO dates; native date inputs show the browser's own format.
 */
import { z } from 'zod';

export const defaultLocale = 'en-GB';

/** The locales the workspace settings offer, each named as its own dates read. */
export const localeChoices = [
  { tag: 'en-GB', label: 'English (UK): 7 Dec 2026' },
  { tag: 'en-US', label: 'English (US): Dec 7, 2026' },
  { tag: 'en-IE', label: 'English (Ireland): 7 Dec 2026' },
  { tag: 'en-AU', label: 'English (Australia): 7 Dec 2026' },
  { tag: 'en-CA', label: 'English (Canada): Dec 7, 2026' },
  { tag: 'de-DE', label: 'Deutsch: 07.12.2026' },
  { tag: 'fr-FR', label: 'Français: 7 déc. 2026' },
  { tag: 'nl-NL', label: 'Nederlands: 7 dec 2026' },
  { tag: 'es-ES', label: 'Español: 7 dic 2026' },
] as const;

function isKnownLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false;
  }
}

/** A BCP 47 tag this runtime can format dates in. */
export const localeSchema = z.string().trim().min(2).max(35).refine(isKnownLocale, 'locale must be a language tag such as en-GB or en-US');

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = isKnownLocale(locale) ? locale : defaultLocale;
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, options);
    formatters.set(key, f);
  }
  return f;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * 'YYYY-MM-DD' (or the day of an ISO timestamp) → the day in the locale's words. Text that is not
 * a date is returned as it is, never turned into "Invalid Date".
 */
export function formatDate(day: string, locale: string = defaultLocale, length: 'medium' | 'long' = 'medium'): string {
  const m = dayPattern.exec(day);
  if (!m) return day;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(at.getTime())) return day;
  return formatter(locale, { dateStyle: length, timeZone: 'UTC' }).format(at);
}

/**
 * An ISO timestamp → day and time in the locale's words. `timeZone` defaults to the machine's
 * (screens); the board pack passes 'UTC' so the same workspace prints the same bytes anywhere.
 */
export function formatDateTime(iso: string, locale: string = defaultLocale, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) };
  const text = formatter(locale, options).format(at);
  return timeZone === 'UTC' ? `${text} UTC` : text;
}
