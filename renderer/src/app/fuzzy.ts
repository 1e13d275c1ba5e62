/**
 * Scores `text` against a typed `query` as an in-order subsequence: letters that start a word
 * or follow the previous match score more, so "lp" finds "Lock plan" before "Lead pipeline".
 * Returns null when some letter of the query is missing.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    const at = t.indexOf(ch, from);
    if (at < 0) return null;
    const wordStart = at === 0 || /[\s(·:/-]/.test(t[at - 1] ?? '');
    score += (at === previous + 1 ? 3 : 0) + (wordStart ? 4 : 0) - Math.min(at - from, 5) * 0.1;
    previous = at;
    from = at + 1;
  }
  return score - t.length * 0.01;
}
