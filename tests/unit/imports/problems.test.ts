// The same problem at the same cell is said once: a name that fails to match is read for every month
// a quarter or year column spreads to, and listing it sixteen times hides the other problems.
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, Problems } from '../../../electron/core/imports/problems';

describe('Problems', () => {
  it('lists and counts an identical problem at the same cell once', () => {
    const p = new Problems('x.csv');
    for (let i = 0; i < 16; i++) p.error('x.csv!A3', 'department Enginerring is not in the org');
    p.error('x.csv!A4', 'department Enginerring is not in the org');
    p.warn('x.csv!A3', 'department Enginerring is not in the org');
    expect(p.errors).toBe(2);
    expect(p.warnings).toBe(1);
    expect(p.all()).toHaveLength(3);
  });

  it('still counts what is past the listing cap', () => {
    const p = new Problems('x.csv');
    for (let i = 0; i < MAX_LISTED_PROBLEMS + 10; i++) p.error(`x.csv!A${i + 1}`, 'bad');
    expect(p.errors).toBe(MAX_LISTED_PROBLEMS + 10);
    expect(p.all().at(-1)?.message).toBe('…and 10 more errors not listed');
  });
});
