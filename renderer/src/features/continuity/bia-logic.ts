/**
 * The impact analysis table as the grid edits it: five horizons (rows) × five dimensions
 * (columns), each a rating 1–5 or empty. Pure: moving the cursor, setting a cell, and turning
 * the table back into the rows continuity.setBia takes.
 */
import { impactDimensions, impactHorizons, type BiaRow, type ImpactDimension } from '../../../../shared/continuity';

export type Ratings = (number | null)[][];

export interface Cell {
  r: number;
  c: number;
}

export const rowCount = impactHorizons.length;
export const colCount = impactDimensions.length;

export function fromRows(rows: readonly BiaRow[]): Ratings {
  return impactHorizons.map((h) => {
    const row = rows.find((r) => r.horizonHours === h);
    return impactDimensions.map((d) => (row ? row[d] : null));
  });
}

export function toRows(ratings: Ratings): BiaRow[] {
  return impactHorizons.map((horizonHours, r) => {
    const values = Object.fromEntries(impactDimensions.map((d, c) => [d, ratings[r]?.[c] ?? null])) as Record<ImpactDimension, number | null>;
    return { horizonHours, ...values };
  });
}

export function setCell(ratings: Ratings, at: Cell, value: number | null): Ratings {
  return ratings.map((row, r) => (r === at.r ? row.map((v, c) => (c === at.c ? value : v)) : row));
}

export function sameRatings(a: Ratings, b: Ratings): boolean {
  return a.every((row, r) => row.every((v, c) => v === (b[r]?.[c] ?? null)));
}

/** Where an arrow, Home/End or Tab key takes the cursor; null for any other key. */
export function moveCursor(at: Cell, key: string, shift = false): Cell | null {
  const clamp = (r: number, c: number): Cell => ({ r: Math.max(0, Math.min(rowCount - 1, r)), c: Math.max(0, Math.min(colCount - 1, c)) });
  switch (key) {
    case 'ArrowUp':
      return clamp(at.r - 1, at.c);
    case 'ArrowDown':
      return clamp(at.r + 1, at.c);
    case 'ArrowLeft':
      return clamp(at.r, at.c - 1);
    case 'ArrowRight':
      return clamp(at.r, at.c + 1);
    case 'Home':
      return clamp(at.r, 0);
    case 'End':
      return clamp(at.r, colCount - 1);
    case 'Enter':
      return clamp(at.r + (shift ? -1 : 1), at.c);
    default:
      return null;
  }
}

/** A typed key as a rating: "1"…"5"; null when the key is not one. */
export function ratingOfKey(key: string): number | null {
  return /^[1-5]$/.test(key) ? Number(key) : null;
}

/** Words for each rating, for the cell's accessible name and its title. */
export const ratingWords: Record<number, string> = { 1: 'minimal', 2: 'minor', 3: 'moderate', 4: 'major', 5: 'severe' };
