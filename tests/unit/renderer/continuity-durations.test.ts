import { describe, expect, it } from 'vitest';
import { formatHours, hoursForEdit, parseHours } from '../../../renderer/src/features/continuity/durations';

describe('formatHours', () => {
  it('keeps hours under two days, then days, then whole weeks', () => {
    expect(formatHours(4)).toBe('4 h');
    expect(formatHours(24)).toBe('24 h');
    expect(formatHours(36)).toBe('36 h');
    expect(formatHours(0.5)).toBe('0.5 h');
    expect(formatHours(48)).toBe('2 d');
    expect(formatHours(72)).toBe('3 d');
    expect(formatHours(168)).toBe('1 wk');
    expect(formatHours(336)).toBe('2 wk');
    expect(formatHours(240)).toBe('10 d');
    expect(formatHours(100)).toBe('4.2 d');
  });
  it('shows a dash for nothing set', () => {
    expect(formatHours(null)).toBe('—');
    expect(formatHours(undefined)).toBe('—');
    expect(hoursForEdit(null)).toBe('');
    expect(hoursForEdit(72)).toBe('3 d');
  });
});

describe('parseHours', () => {
  it('reads bare hours and h, d, wk in their common spellings', () => {
    expect(parseHours('4')).toEqual({ ok: true, value: 4 });
    expect(parseHours('4h')).toEqual({ ok: true, value: 4 });
    expect(parseHours(' 4 hours ')).toEqual({ ok: true, value: 4 });
    expect(parseHours('3 d')).toEqual({ ok: true, value: 72 });
    expect(parseHours('1.5 days')).toEqual({ ok: true, value: 36 });
    expect(parseHours('1,5d')).toEqual({ ok: true, value: 36 });
    expect(parseHours('2 wk')).toEqual({ ok: true, value: 336 });
    expect(parseHours('1 Week')).toEqual({ ok: true, value: 168 });
  });
  it('reads empty as not set', () => {
    expect(parseHours('')).toEqual({ ok: true, value: null });
    expect(parseHours('   ')).toEqual({ ok: true, value: null });
  });
  it('refuses what is not a duration, with a reason', () => {
    expect(parseHours('soon')).toMatchObject({ ok: false, message: expect.stringContaining('not a duration') });
    expect(parseHours('3 months')).toMatchObject({ ok: false, message: expect.stringContaining('not a unit') });
    expect(parseHours('-4 h')).toMatchObject({ ok: false, message: expect.stringContaining('negative') });
  });
  it('round-trips what it formats', () => {
    for (const h of [1, 4, 8, 24, 36, 48, 72, 168, 240, 336, 504]) {
      const back = parseHours(formatHours(h));
      expect(back).toEqual({ ok: true, value: h });
    }
  });
});
