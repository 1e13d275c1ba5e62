/**
 * Named seasonality profiles: twelve weights in fiscal order that say how an annual figure falls
 * across the year. Every edit is an undoable change. Spreading by a profile is shared/spread.ts.
 */
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SeasonalityProfile, seasonalityProfileSetSchema } from '../../../shared/currency';
import { profileWeightsProblem } from '../../../shared/spread';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { seasonalityProfiles } from '../db/schema';
import { withChange } from '../history/change';

export type ProfileSet = z.output<typeof seasonalityProfileSetSchema>;
type ProfileRow = typeof seasonalityProfiles.$inferSelect;

/** A stored profile's weights; a damaged value reads as no weights (and is refused when used). */
function weightsOf(row: ProfileRow): number[] {
  try {
    const parsed: unknown = JSON.parse(row.weights);
    return Array.isArray(parsed) && parsed.every((w) => typeof w === 'number') ? (parsed as number[]) : [];
  } catch {
    return [];
  }
}

function toProfile(row: ProfileRow): SeasonalityProfile {
  return { id: row.id, name: row.name, weights: weightsOf(row), updatedAt: row.updatedAt };
}

export function listProfiles(ctx: Ctx): SeasonalityProfile[] {
  return ctx.db.select().from(seasonalityProfiles).orderBy(asc(seasonalityProfiles.name)).all().map(toProfile);
}

/** A profile by name, ignoring case and surrounding spaces; null when there is none. */
export function profileByName(ctx: Ctx, name: string): SeasonalityProfile | null {
  const wanted = name.trim().toLowerCase();
  return listProfiles(ctx).find((p) => p.name.toLowerCase() === wanted) ?? null;
}

/** A profile's weights for spreading, or a refusal naming the profiles there are. */
export function requireProfile(ctx: Ctx, name: string): SeasonalityProfile {
  const found = profileByName(ctx, name);
  if (!found) {
    const names = listProfiles(ctx).map((p) => `"${p.name}"`);
    throw new AppError('not_found', `No seasonality profile "${name}"${names.length ? `: the workspace has ${names.join(', ')}` : ': add one in Settings → Seasonality profiles'}.`);
  }
  const problem = profileWeightsProblem(found.weights);
  if (problem) throw new AppError('invalid_input', `Seasonality profile "${found.name}" cannot be used: ${problem}.`);
  return found;
}

/** Adds a profile (no id) or edits one (rename, new weights), as one undoable change. */
export function setProfile(ctx: Ctx, input: ProfileSet): SeasonalityProfile {
  const problem = profileWeightsProblem(input.weights);
  if (problem) throw new AppError('invalid_input', `Seasonality profile "${input.name}": ${problem}.`);
  const clash = profileByName(ctx, input.name);
  if (clash && clash.id !== input.id) throw new AppError('conflict', `A seasonality profile named "${clash.name}" already exists.`);
  const at = isoNow(ctx);
  const weights = JSON.stringify(input.weights);
  if (input.id === undefined) {
    const id = ctx.newId();
    withChange(ctx, `Add seasonality profile ${input.name}`, (w) => w.insert('seasonality_profiles', { id, name: input.name, weights, updatedAt: at }));
    return requireById(ctx, id);
  }
  const before = requireById(ctx, input.id);
  const patch: Partial<ProfileRow> = {};
  if (before.name !== input.name) patch.name = input.name;
  if (JSON.stringify(before.weights) !== weights) patch.weights = weights;
  if (Object.keys(patch).length === 0) return before;
  const label = patch.weights === undefined ? `Rename seasonality profile ${before.name} to ${input.name}` : `Edit seasonality profile ${input.name}`;
  withChange(ctx, label, (w) => w.update('seasonality_profiles', before.id, { ...patch, updatedAt: at }));
  return requireById(ctx, before.id);
}

function requireById(ctx: Ctx, id: string): SeasonalityProfile {
  const row = ctx.db.select().from(seasonalityProfiles).where(eq(seasonalityProfiles.id, id)).get();
  if (!row) throw new AppError('not_found', 'That seasonality profile no longer exists.');
  return toProfile(row);
}

export function deleteProfile(ctx: Ctx, id: string): void {
  const p = requireById(ctx, id);
  withChange(ctx, `Delete seasonality profile ${p.name}`, (w) => w.remove('seasonality_profiles', id));
}
