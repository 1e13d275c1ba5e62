/**
 * The recently opened workspaces, newest first, kept in userData/recent.json. The first entry is
 * the workspace reopened at launch. A damaged list is treated as empty, never as an error.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

export const maxRecent = 10;

const recentFileSchema = z.object({ version: z.literal(1), files: z.array(z.string().min(1)).max(100) });

export function readRecent(listFile: string): string[] {
  if (!existsSync(listFile)) return [];
  try {
    const parsed = recentFileSchema.safeParse(JSON.parse(readFileSync(listFile, 'utf8')));
    return parsed.success ? parsed.data.files.slice(0, maxRecent) : [];
  } catch {
    return [];
  }
}

function writeRecent(listFile: string, files: string[]): void {
  mkdirSync(dirname(listFile), { recursive: true });
  const temp = `${listFile}.partial`;
  writeFileSync(temp, `${JSON.stringify({ version: 1, files }, null, 2)}\n`);
  renameSync(temp, listFile);
}

/** Moves (or adds) a workspace to the top of the list and returns the new list. */
export function rememberRecent(listFile: string, workspacePath: string): string[] {
  const path = resolve(workspacePath);
  const files = [path, ...readRecent(listFile).filter((f) => f !== path)].slice(0, maxRecent);
  writeRecent(listFile, files);
  return files;
}

export function forgetRecent(listFile: string, workspacePath: string): string[] {
  const path = resolve(workspacePath);
  const files = readRecent(listFile).filter((f) => f !== path);
  writeRecent(listFile, files);
  return files;
}

export function clearRecent(listFile: string): void {
  writeRecent(listFile, []);
}
