import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEdits, createNameMatcher, editDistance, matchName, normaliseNameKey, parseCodesList, type NameCandidate } from '../../../shared/name-match';

const departments: NameCandidate[] = [
  { code: '410', name: 'Sales' },
  { code: '600', name: 'Engineering' },
  { code: '700', name: 'Human Resources' },
  { code: '710', name: 'Information Technology' },
  { code: '720', name: 'Research and Development' },
  { code: 'OPS', name: 'Operations' },
  { code: '800', name: 'Café Société' },
];
const accounts: NameCandidate[] = [
  { code: '6200', name: 'Software' },
  { code: '6300', name: 'Travel & Entertainment' },
  { code: '6310', name: 'Travel - Domestic' },
  { code: '4000', name: 'Product Revenue' },
];

describe('normaliseNameKey', () => {
  it('ignores case, spaces, punctuation and accents; reads & as and', () => {
    expect(normaliseNameKey('  Café & Bar (HQ) ')).toBe('cafe and bar hq');
    expect(normaliseNameKey('R&D')).toBe('r and d');
    expect(normaliseNameKey('Travel and Entertainment')).toBe(normaliseNameKey('TRAVEL & ENTERTAINMENT'));
  });
  it('property: idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normaliseNameKey(normaliseNameKey(s))).toBe(normaliseNameKey(s));
      }),
    );
  });
});

describe('matchName: certain matches', () => {
  it('exact code, then code ignoring case', () => {
    expect(matchName('410', departments)).toEqual({ kind: 'exact', code: '410', how: 'code' });
    expect(matchName(' ops ', departments)).toEqual({ kind: 'exact', code: 'OPS', how: 'code' });
  });
  it('exact name, then name ignoring case, punctuation and accents', () => {
    expect(matchName('Sales', departments)).toEqual({ kind: 'exact', code: '410', how: 'name' });
    expect(matchName('ENGINEERING', departments)).toEqual({ kind: 'exact', code: '600', how: 'name' });
    expect(matchName('cafe societe', departments)).toEqual({ kind: 'exact', code: '800', how: 'name' });
    expect(matchName('Travel and Entertainment', accounts)).toEqual({ kind: 'exact', code: '6300', how: 'name' });
  });
  it('a code written with its name, in every common form', () => {
    for (const text of ['410 - Sales', '410 Sales', 'Sales (410)', 'Sales [410]', 'Sales - 410', '410: Sales', '410 – sales']) {
      expect(matchName(text, departments), text).toEqual({ kind: 'exact', code: '410', how: 'code-in-text' });
    }
    // The name part is a fuller form of the code's name: it shares a word.
    expect(matchName('6200 Software Subscriptions', accounts)).toEqual({ kind: 'exact', code: '6200', how: 'code-in-text' });
  });
  it('an unknown code prefix with a known name matches by the name', () => {
    expect(matchName('ENG - Engineering', departments)).toEqual({ kind: 'exact', code: '600', how: 'name' });
  });
  it('a remembered confirmed match wins, keyed by the normalised name', () => {
    const remembered = new Map([[normaliseNameKey('Tech'), '710']]);
    expect(matchName('TECH', departments, { remembered })).toEqual({ kind: 'exact', code: '710', how: 'remembered' });
    // A remembered code that no longer exists is ignored.
    expect(matchName('Tech', departments, { remembered: new Map([['tech', '999']]) }).kind).not.toBe('exact');
  });
});

describe('matchName: only suggestions', () => {
  it('two entries with the same name are never an exact match', () => {
    const twoSales = [...departments, { code: '420', name: 'Sales' }];
    const r = matchName('Sales', twoSales);
    expect(r.kind).toBe('suggest');
    expect(r.kind === 'suggest' && r.suggestions.map((s) => s.code)).toEqual(['410', '420']);
    expect(matchName('sales', twoSales).kind).toBe('suggest');
  });
  it('a code whose name contradicts the text is a conflict, suggested both ways', () => {
    const r = matchName('410 - Engineering', departments);
    expect(r.kind).toBe('suggest');
    expect(r.kind === 'suggest' && r.suggestions.map((s) => s.code).sort()).toEqual(['410', '600']);
    const unrelated = matchName('410 Widgets', departments);
    expect(unrelated.kind === 'suggest' && unrelated.suggestions[0]).toMatchObject({ code: '410' });
  });
  it('spelling slips', () => {
    const r = matchName('Enginerring', departments);
    expect(r).toMatchObject({ kind: 'suggest', suggestions: [{ code: '600', why: 'spelling: 1 letter differs' }] });
  });
  it('abbreviations and synonyms', () => {
    const cases: [string, string, NameCandidate[]][] = [
      ['HR', '700', departments],
      ['People', '700', departments],
      ['IT', '710', departments],
      ['Eng', '600', departments],
      ['R&D', '720', departments],
      ['Ops', 'OP1', [{ code: 'OP1', name: 'Operations' }]],
      ['T&E', '6300', accounts],
    ];
    for (const [text, code, list] of cases) {
      const r = matchName(text, list);
      expect(r.kind, text).toBe('suggest');
      expect(r.kind === 'suggest' && r.suggestions[0]!.code, text).toBe(code);
      expect(r.kind === 'suggest' && r.suggestions[0]!.why, text).toMatch(/^abbreviation/);
    }
  });
  it('shared words and reordered words', () => {
    const r = matchName('Revenue - Product', accounts);
    expect(r.kind === 'suggest' && r.suggestions[0]).toMatchObject({ code: '4000' });
    const people = createNameMatcher([{ code: 'P1', name: 'John Smith' }, { code: 'P2', name: 'Jane Smith' }]);
    expect(people('Smith, John')).toMatchObject({ kind: 'suggest', suggestions: [{ code: 'P1', why: 'the same words in another order' }] });
  });
  it('nothing near: none; short names need an exact match', () => {
    expect(matchName('Catering', departments)).toEqual({ kind: 'none' });
    expect(matchName('', departments)).toEqual({ kind: 'none' });
    expect(matchName('Sale', [{ code: '1', name: 'Sales' }]).kind).toBe('suggest');
    expect(matchName('Ax', [{ code: '1', name: 'Ay' }])).toEqual({ kind: 'none' });
  });
  it('property: a near miss is never exact unless the normalised name or a code is in the text', () => {
    const names = fc.stringMatching(/^[A-Za-z]{4,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(names, { minLength: 1, maxLength: 6, selector: (s) => s.toLowerCase() }), fc.nat(), fc.nat(), (list, pick, at) => {
        const candidates = list.map((name, i) => ({ code: `C${i}`, name }));
        const target = list[pick % list.length]!;
        // Swap two adjacent letters (or drop one): a slip.
        const i = at % (target.length - 1);
        const slip = target.slice(0, i) + target[i + 1] + target[i] + target.slice(i + 2);
        const r = matchName(slip, candidates);
        if (r.kind === 'exact') expect(list.some((n) => normaliseNameKey(n) === normaliseNameKey(slip))).toBe(true);
      }),
    );
  });
});

describe('editDistance', () => {
  it('counts an adjacent swap as one edit and stops early above the limit', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(Infinity);
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(11)).toBe(2);
  });
  it('property: symmetric, zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });
});

describe('parseCodesList', () => {
  it('reads Name=CODE pairs by normalised name and refuses a malformed entry', () => {
    const r = parseCodesList('Engineering=600, Travel & Entertainment=6300');
    expect(r.ok && [...r.codes]).toEqual([['engineering', '600'], ['travel and entertainment', '6300']]);
    expect(parseCodesList('Engineering')).toEqual({ ok: false, message: '"Engineering" is not Name=CODE' });
  });
});
