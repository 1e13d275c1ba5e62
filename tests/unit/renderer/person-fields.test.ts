import { describe, expect, it } from 'vitest';
import { parseFte, parseSalary } from '../../../renderer/src/features/org/person-fields';

describe('person dialog fields', () => {
  it('reads FTE as a number from 0 to 1.5 and refuses empty or other text', () => {
    expect(parseFte('0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseFte(' 1 ')).toEqual({ ok: true, value: 1 });
    expect(parseFte('0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['', '  ', 'abc', '1,5', '-1', '0x1', '1e0', '2']) expect(parseFte(bad).ok, bad).toBe(false);
  });

  it('reads a salary as money, empty as none, and refuses text and negatives', () => {
    expect(parseSalary('85,000')).toEqual({ ok: true, value: 8_500_000 });
    expect(parseSalary('85k')).toEqual({ ok: true, value: 8_500_000 });
    expect(parseSalary('')).toEqual({ ok: true, value: null });
    expect(parseSalary('lots').ok).toBe(false);
    expect(parseSalary('-5').ok).toBe(false);
  });
});
