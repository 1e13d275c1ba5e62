/** Exchange rates' and seasonality profiles' handlers, spread into the handler map (electron/core/handlers.ts). */
import type { Handlers } from '../../../shared/contract';
import type { currencyMethods } from '../../../shared/currency';
import { deleteProfile, listProfiles, setProfile } from '../budget/seasonality-service';
import type { Ctx } from '../context';
import { deleteRate, importRatesCsv, listRates, setRate } from './rates-service';

export function currencyHandlers(ctx: Ctx): Pick<Handlers, keyof typeof currencyMethods> {
  return {
    'currency.listRates': () => listRates(ctx),
    'currency.setRate': (input) => setRate(ctx, input),
    'currency.deleteRate': (input) => (deleteRate(ctx, input.id), { ok: true }),
    'currency.importRates': (input) => importRatesCsv(ctx, input.csv, input.fileName),
    'seasonality.listProfiles': () => listProfiles(ctx),
    'seasonality.setProfile': (input) => setProfile(ctx, input),
    'seasonality.deleteProfile': (input) => (deleteProfile(ctx, input.id), { ok: true }),
  };
}
