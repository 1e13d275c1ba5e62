/**
 * The director's continuity settings: the impact tolerance the business impact analysis measures
 * against, and the risk appetite the risk register flags against. Both live in the workspace row;
 * the risk register reads the appetite through getContinuitySettings.
 */
import type { ContinuitySettings } from '../../../shared/continuity';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { withChange } from '../history/change';
import { readSettings } from './load';

/** Impact tolerance (1–5) and risk appetite (1–25). */
export function getContinuitySettings(ctx: Ctx): ContinuitySettings {
  return readSettings(ctx);
}

export function setContinuitySettings(ctx: Ctx, input: Partial<ContinuitySettings>): ContinuitySettings {
  const { impactTolerance, riskAppetite } = input;
  if (impactTolerance !== undefined && !(Number.isInteger(impactTolerance) && impactTolerance >= 1 && impactTolerance <= 5)) {
    throw new AppError(
      'invalid_input',
      `The impact tolerance is a rating from 1 to 5 (impacts rated at or above it are not tolerable); got ${impactTolerance}.`,
    );
  }
  if (riskAppetite !== undefined && !(Number.isInteger(riskAppetite) && riskAppetite >= 1 && riskAppetite <= 25)) {
    throw new AppError('invalid_input', `The risk appetite is a score from 1 to 25 (likelihood × impact); got ${riskAppetite}.`);
  }
  const before = readSettings(ctx);
  const patch: Partial<ContinuitySettings> = {};
  if (impactTolerance !== undefined && impactTolerance !== before.impactTolerance) patch.impactTolerance = impactTolerance;
  if (riskAppetite !== undefined && riskAppetite !== before.riskAppetite) patch.riskAppetite = riskAppetite;
  const parts = [
    ...(patch.impactTolerance !== undefined ? [`impact tolerance to ${patch.impactTolerance}`] : []),
    ...(patch.riskAppetite !== undefined ? [`risk appetite to ${patch.riskAppetite}`] : []),
  ];
  if (parts.length > 0) {
    withChange(ctx, `Set ${parts.join(' and ')}`, (w) => {
      w.update('workspace', 1, patch);
    });
  }
  return readSettings(ctx);
}
