/**
 * Where a copied block lands in the grid. Its rows go into consecutive account rows only:
 * skipping a subtotal or heading would put them on accounts that were not next to each other
 * where the block was copied (revenue figures under expenses), so such a paste is refused whole.
 */
import type { GridLine } from './grid-lines';

export type PastePlan = { ok: true; rows: number[] } | { ok: false; message: string };

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function code(line: GridLine | undefined): string {
  return line?.kind === 'account' ? line.row.code : '?';
}

/** The grid lines a block of height × width lands on from `start` (an account's month), or why it does not fit. */
export function planPaste(lines: readonly GridLine[], start: { r: number; c: number }, height: number, width: number, months: number): PastePlan {
  const rows: number[] = [];
  for (let r = start.r; rows.length < height && lines[r]?.kind === 'account'; r += 1) rows.push(r);
  const fitCols = months - start.c;
  if (rows.length === height && width <= fitCols) return { ok: true, rows };

  const problems: string[] = [];
  if (rows.length < height) {
    const first = code(lines[rows[0] ?? -1]);
    const last = code(lines[rows.at(-1) ?? -1]);
    const stop = lines[start.r + rows.length];
    const before = stop === undefined || stop.kind === 'account' ? 'the end of the grid' : `“${stop.label}”`;
    problems.push(
      `from ${first} there is room for only ${count(rows.length, 'account row')} (${first === last ? first : `${first}–${last}`}) before ${before}, ` +
        'and a paste never runs across a subtotal or heading',
    );
  }
  if (width > fitCols) problems.push(`only ${count(fitCols, 'month')} fit from the selected month on`);
  return {
    ok: false,
    message: `The copied block is ${count(height, 'row')} × ${count(width, 'column')}, but ${problems.join('; and ')}. Nothing was pasted.`,
  };
}
