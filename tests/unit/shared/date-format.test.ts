import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, localeChoices, localeSchema } from '../../../shared/date-format';

describe('date format', () => {
  it('shows a day in the workspace locale, never as ISO or mm/dd/yyyy', () => {
    expect(formatDate('2026-12-07', 'en-GB')).toBe('7 Dec 2026');
    expect(formatDate('2026-12-07', 'en-US')).toBe('Dec 7, 2026');
    expect(formatDate('2026-12-07', 'en-GB', 'long')).toBe('7 December 2026');
    expect(formatDate('2026-12-07')).toBe('7 Dec 2026');
  });

  it('names the calendar day it holds whatever the time zone, and the day of a timestamp', () => {
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(formatDate('2026-12-31T23:59:00.000Z', 'en-GB')).toBe('31 Dec 2026');
  });

  it('leaves text that is not a date alone and falls back to en-GB for an unknown locale', () => {
    expect(formatDate('never', 'en-GB')).toBe('never');
    expect(formatDate('2026-12-07', 'xx-invalid-tag-!!')).toBe('7 Dec 2026');
  });

  it('prints a UTC time for documents, so a pack reads the same anywhere', () => {
    expect(formatDateTime('2026-12-07T14:03:00.000Z', 'en-GB', 'UTC')).toBe('7 Dec 2026, 14:03 UTC');
    expect(formatDateTime('nonsense', 'en-GB', 'UTC')).toBe('nonsense');
  });

  it('offers only locales the runtime formats', () => {
    for (const c of localeChoices) expect(localeSchema.safeParse(c.tag).success).toBe(true);
    expect(localeSchema.safeParse('not a locale').success).toBe(false);
  });
});
