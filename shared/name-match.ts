/**
 * THE rule for matching a name in a file to a code in the workspace, for departments, accounts and
 * people. The importer, the CLI's --codes and any later picker use this module and nothing else.
 *
 * Certain matches (applied without asking), in order:
 *   1. a remembered match the user confirmed before for this source (see imports/entity-matches.ts);
 *   2. the exact code ("410"), then the code ignoring case ("eng" for "ENG");
 *   3. the exact name, then the name ignoring case, spaces, punctuation and accents;
 *   4. a code written with its name: "410 - Sales", "410 Sales", "Sales (410)", "Sales [410]",
 *      "Sales - 410" — when the name part agrees with that code's name (or is one of its words).
 *      A name part that is another entry's name, or shares nothing with the code's name, is a
 *      conflict and only suggested.
 * Everything else is a near miss, offered as a suggestion the user confirms, never applied:
 * an abbreviation or synonym (HR ↔ Human Resources, R&D ↔ Research and Development, …), a spelling
 * slip (Damerau-Levenshtein distance scaled to the length), shared words, or the same words in
 * another order. Two entries with the same name ("Sales" twice) make every match on that name a
 * suggestion, never an exact match.
 */

export interface NameCandidate {
  code: string;
  name: string;
}

export type ExactHow = 'remembered' | 'code' | 'name' | 'code-in-text';

export interface NameSuggestion {
  code: string;
  name: string;
  /** 0–1; higher is closer. Suggestions come sorted by score, then code. */
  score: number;
  /** Why it is offered, in words for the preview: "abbreviation: hr = human resources", "spelling: 1 letter differs". */
  why: string;
}

export type NameMatch =
  | { kind: 'exact'; code: string; how: ExactHow }
  | { kind: 'suggest'; suggestions: NameSuggestion[] }
  | { kind: 'none' };

export interface MatchOptions {
  /** Confirmed matches remembered for this source: normaliseNameKey(name) → code. */
  remembered?: ReadonlyMap<string, string>;
  /** At most this many suggestions (default 5). */
  maxSuggestions?: number;
}

/**
 * The key a name is compared and remembered by: accents removed, lower case, "&" read as "and",
 * every run of punctuation and spaces one space. "  Café & Bar (HQ) " → "cafe and bar hq".
 */
export function normaliseNameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Abbreviations and synonyms, each group read as one canonical token. Phrases are normalised keys
 * (so "R&D" is "r and d"). Suggestions only: a synonym is never an exact match.
 */
const synonymGroups: readonly (readonly string[])[] = [
  ['hr', 'human resources', 'people', 'people ops', 'people operations', 'personnel'],
  ['it', 'information technology', 'information systems', 'is'],
  ['eng', 'engineering', 'engg'],
  ['ops', 'operations', 'operation'],
  ['fin', 'finance', 'financial'],
  ['mktg', 'marketing', 'mkt', 'mkting'],
  ['rnd', 'r and d', 'research and development', 'research development', 'r d'],
  ['gna', 'g and a', 'general and administrative', 'general and administration', 'general and admin', 'g a'],
  ['tne', 't and e', 'travel and entertainment', 'travel entertainment', 't e'],
  ['snm', 's and m', 'sales and marketing', 's m'],
  ['custsvc', 'cust svc', 'customer service', 'customer services', 'cust service', 'customer svc', 'cs'],
  ['admin', 'administration', 'administrative'],
  ['mgmt', 'management', 'mgt'],
  ['svc', 'service', 'services', 'svcs'],
  ['dept', 'department'],
  ['cogs', 'cost of goods sold', 'cost of sales'],
  ['exec', 'executive', 'executives'],
  ['legal', 'legal and compliance'],
  ['facilities', 'facility', 'premises'],
  ['sw', 'software'],
  ['hw', 'hardware'],
  ['acct', 'accounting', 'accts', 'accounts'],
];

/** Phrase → canonical token, longest phrases first so "general and administrative" wins over "g a". */
const synonymPhrases: { phrase: RegExp; token: string; words: string }[] = synonymGroups
  .flatMap((group) => group.map((words) => ({ words, token: `\u0001${group[0]!}` })))
  .sort((a, b) => b.words.length - a.words.length)
  .map(({ words, token }) => ({ words, token, phrase: new RegExp(`(^| )${words.replace(/ /g, ' ')}(?= |$)`, 'g') }));

/** A normalised key with every synonym phrase replaced by its group's token, and what was replaced. */
function canonical(key: string): { text: string; replaced: string[] } {
  let text = key;
  const replaced: string[] = [];
  for (const { phrase, token, words } of synonymPhrases) {
    const next = text.replace(phrase, `$1${token}`);
    if (next !== text) {
      if (words !== token.slice(1)) replaced.push(`${words} = ${token.slice(1)}`);
      text = next;
    }
  }
  return { text: text.replace(/\u0001/g, ''), replaced };
}

const stopWords = new Set(['and', 'of', 'the', 'for', 'a', 'an', 'dept', 'department', 'total']);

function tokens(text: string): Set<string> {
  return new Set(text.split(' ').filter((t) => t !== '' && !stopWords.has(t)));
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), or Infinity once above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return Infinity;
    prev2 = prev;
    prev = cur;
  }
  const result = prev[cols - 1]!;
  return result > max ? Infinity : result;
}

/** How many edits a name of this length may be off by and still be suggested: none up to 3 letters, then about one in four. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return Math.min(4, Math.floor(length / 4));
}

interface Prepared {
  candidate: NameCandidate;
  key: string;
  canon: string;
  canonReplaced: string[];
  tokens: Set<string>;
}

/** "410 - Sales", "410 Sales", "Sales (410)", "Sales [410]", "Sales - 410": each possible (code, name) reading. */
function codeNameReadings(text: string): { code: string; name: string }[] {
  const t = text.trim();
  const out: { code: string; name: string }[] = [];
  let m = /^(.+?)\s*[([]\s*([^()[\]]+?)\s*[)\]]$/.exec(t);
  if (m) out.push({ name: m[1]!, code: m[2]! });
  m = /^(\S+)\s*[-–—:|]\s*(.+)$/.exec(t);
  if (m) out.push({ code: m[1]!, name: m[2]! });
  m = /^(.+?)\s+[-–—|]\s+(\S+)$/.exec(t);
  if (m) out.push({ name: m[1]!, code: m[2]! });
  m = /^(\S+)\s+(.+)$/.exec(t);
  if (m) out.push({ code: m[1]!, name: m[2]! });
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * A matcher over one list of candidates, with their keys worked out once: use it to match many
 * names against the same departments, accounts or people.
 */
export function createNameMatcher(candidates: readonly NameCandidate[]): (text: string, options?: MatchOptions) => NameMatch {
  const prepared: Prepared[] = candidates.map((candidate) => {
    const key = normaliseNameKey(candidate.name);
    const c = canonical(key);
    return { candidate, key, canon: c.text, canonReplaced: c.replaced, tokens: tokens(c.text) };
  });
  const byCode = new Map<string, Prepared>();
  const byCodeFolded = new Map<string, Prepared[]>();
  const byExactName = new Map<string, Prepared[]>();
  const byKey = new Map<string, Prepared[]>();
  const push = (map: Map<string, Prepared[]>, k: string, p: Prepared) => {
    const list = map.get(k);
    if (list) list.push(p);
    else map.set(k, [p]);
  };
  for (const p of prepared) {
    byCode.set(p.candidate.code, p);
    push(byCodeFolded, p.candidate.code.toLowerCase(), p);
    push(byExactName, p.candidate.name.trim(), p);
    if (p.key !== '') push(byKey, p.key, p);
  }

  const same = (list: Prepared[], why: string): NameSuggestion[] =>
    list.map((p) => ({ code: p.candidate.code, name: p.candidate.name, score: 0.95, why }));

  function nearMisses(key: string, skip: ReadonlySet<string>): NameSuggestion[] {
    const c = canonical(key);
    const textTokens = tokens(c.text);
    const found: NameSuggestion[] = [];
    for (const p of prepared) {
      if (skip.has(p.candidate.code) || p.key === '') continue;
      let best: NameSuggestion | null = null;
      const offer = (score: number, why: string) => {
        if (!best || score > best.score) best = { code: p.candidate.code, name: p.candidate.name, score: round2(score), why };
      };
      if (c.text === p.canon && (c.replaced.length > 0 || p.canonReplaced.length > 0)) {
        offer(0.9, `abbreviation: ${[...new Set([...c.replaced, ...p.canonReplaced])].join(', ')}`);
      }
      const longest = Math.max(key.length, p.key.length);
      const allowed = allowedEdits(Math.min(key.length, p.key.length));
      if (allowed > 0) {
        const d = Math.min(editDistance(key, p.key, allowed), editDistance(c.text, p.canon, allowed));
        if (d !== Infinity && d > 0) offer(Math.max(0.6, 0.9 - (0.3 * d) / Math.max(1, longest / 4)), `spelling: ${d} letter${d === 1 ? '' : 's'} differ${d === 1 ? 's' : ''}`);
      }
      if (textTokens.size > 0 && p.tokens.size > 0) {
        let shared = 0;
        for (const t of textTokens) if (p.tokens.has(t)) shared++;
        if (shared > 0) {
          const union = textTokens.size + p.tokens.size - shared;
          const jaccard = shared / union;
          if (jaccard === 1) offer(0.85, 'the same words in another order');
          else if (shared === Math.min(textTokens.size, p.tokens.size) || jaccard >= 0.5) {
            const words = [...textTokens].filter((t) => p.tokens.has(t));
            offer(0.5 + 0.3 * jaccard, `shares the word${words.length === 1 ? '' : 's'} ${words.map((w) => `"${w}"`).join(', ')}`);
          }
        }
      }
      if (best) found.push(best);
    }
    return found;
  }

  return (text: string, options: MatchOptions = {}): NameMatch => {
    const max = options.maxSuggestions ?? 5;
    const trimmed = text.trim();
    if (trimmed === '') return { kind: 'none' };
    const key = normaliseNameKey(trimmed);
    const finish = (suggestions: NameSuggestion[]): NameMatch => {
      const seen = new Map<string, NameSuggestion>();
      for (const s of suggestions) {
        const had = seen.get(s.code);
        if (!had || s.score > had.score) seen.set(s.code, s);
      }
      const sorted = [...seen.values()].sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).slice(0, max);
      return sorted.length === 0 ? { kind: 'none' } : { kind: 'suggest', suggestions: sorted };
    };

    const remembered = options.remembered?.get(key);
    if (remembered !== undefined && byCode.has(remembered)) return { kind: 'exact', code: remembered, how: 'remembered' };

    const code = byCode.get(trimmed);
    if (code) return { kind: 'exact', code: code.candidate.code, how: 'code' };
    const folded = byCodeFolded.get(trimmed.toLowerCase());
    if (folded?.length === 1) return { kind: 'exact', code: folded[0]!.candidate.code, how: 'code' };

    const exactName = byExactName.get(trimmed);
    if (exactName && exactName.length > 1) return finish(same(exactName, `${exactName.length} entries are named "${trimmed}"`));
    if (exactName?.length === 1) return { kind: 'exact', code: exactName[0]!.candidate.code, how: 'name' };
    const keyed = key === '' ? undefined : byKey.get(key);
    if (keyed && keyed.length > 1) return finish(same(keyed, `${keyed.length} entries are named like "${trimmed}"`));
    if (keyed?.length === 1) return { kind: 'exact', code: keyed[0]!.candidate.code, how: 'name' };

    // A code written with a name.
    const conflicts: NameSuggestion[] = [];
    for (const reading of codeNameReadings(trimmed)) {
      const nameKey = normaliseNameKey(reading.name);
      const byNameKey = nameKey === '' ? undefined : byKey.get(nameKey);
      const target = byCode.get(reading.code) ?? (byCodeFolded.get(reading.code.toLowerCase())?.length === 1 ? byCodeFolded.get(reading.code.toLowerCase())![0] : undefined);
      if (target) {
        if (nameKey === target.key) return { kind: 'exact', code: target.candidate.code, how: 'code-in-text' };
        const other = byNameKey?.find((p) => p !== target);
        if (other) {
          conflicts.push(
            { code: target.candidate.code, name: target.candidate.name, score: 0.7, why: `code ${reading.code} is "${target.candidate.name}", but the text names "${reading.name}"` },
            { code: other.candidate.code, name: other.candidate.name, score: 0.7, why: `named "${reading.name}", but the text gives code ${reading.code}` },
          );
          continue;
        }
        const nameTokens = tokens(canonical(nameKey).text);
        const overlap = [...nameTokens].some((t) => target.tokens.has(t));
        if (overlap) return { kind: 'exact', code: target.candidate.code, how: 'code-in-text' };
        conflicts.push({ code: target.candidate.code, name: target.candidate.name, score: 0.6, why: `code ${reading.code} is "${target.candidate.name}", which shares no word with "${reading.name}"` });
      } else if (byNameKey?.length === 1) {
        // "ENG - Engineering" where ENG is not a code here: the name alone matches one entry.
        return { kind: 'exact', code: byNameKey[0]!.candidate.code, how: 'name' };
      } else if (byNameKey && byNameKey.length > 1) {
        conflicts.push(...same(byNameKey, `${byNameKey.length} entries are named "${reading.name}"`));
      }
    }
    const skip = new Set(conflicts.map((c) => c.code));
    return finish([...conflicts, ...nearMisses(key, skip)]);
  };
}

/** Matches one name against `candidates` (see the module comment). For many names use createNameMatcher. */
export function matchName(text: string, candidates: readonly NameCandidate[], options?: MatchOptions): NameMatch {
  return createNameMatcher(candidates)(text, options);
}

/**
 * The CLI's and the file form's "Name=CODE,Name=CODE" list (e.g. --codes "Engineering=600,Software=6200"),
 * as normaliseNameKey(name) → code, or the first malformed entry.
 */
export function parseCodesList(text: string): { ok: true; codes: Map<string, string> } | { ok: false; message: string } {
  const codes = new Map<string, string>();
  for (const raw of text.split(/[,\n]/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const at = entry.lastIndexOf('=');
    const name = at < 0 ? '' : entry.slice(0, at).trim();
    const code = at < 0 ? '' : entry.slice(at + 1).trim();
    if (name === '' || code === '') return { ok: false, message: `"${entry}" is not Name=CODE` };
    codes.set(normaliseNameKey(name), code);
  }
  return { ok: true, codes };
}
