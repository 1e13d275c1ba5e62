/** The risk register's handlers, spread into the handler map (electron/core/handlers.ts). */
import type { Handlers } from '../../../shared/contract';
import type { riskMethods } from '../../../shared/risks';
import type { Ctx } from '../context';
import { getRisk, getRiskAppetite, listRisks, riskChoices, riskHeatMap } from './risk-queries';
import { createRisk, deleteRisk, setRiskAppetite, updateRisk } from './risk-service';

export function riskHandlers(ctx: Ctx): Pick<Handlers, keyof typeof riskMethods> {
  return {
    'risks.list': () => listRisks(ctx),
    'risks.get': (input) => getRisk(ctx, input.id),
    'risks.create': (input) => createRisk(ctx, input),
    'risks.update': (input) => updateRisk(ctx, input),
    'risks.delete': (input) => (deleteRisk(ctx, input.id), { ok: true }),
    'risks.heatMap': () => riskHeatMap(ctx),
    'risks.choices': () => riskChoices(ctx),
    'risks.appetite': () => ({ appetite: getRiskAppetite(ctx) }),
    'risks.setAppetite': (input) => setRiskAppetite(ctx, input.appetite),
  };
}
