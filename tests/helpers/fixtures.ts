/**
 * The team's sample spreadsheets live in the handbook beside the checkout (../shared/fixtures),
 * not in the repo: tests read them from there, the app never does.
 */
import { join, resolve } from 'node:path';

export const fixturesDir = resolve(import.meta.dirname, '../../../shared/fixtures');

export function fixturePath(name: string): string {
  return join(fixturesDir, name);
}
