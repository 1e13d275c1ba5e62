/**
 * The director's exchange rates: one per currency and month, in the workspace's currency per
 * foreign unit. Every edit is an undoable change. The one place that reads a rate for a
 * conversion (rateFor / requireRate / createRateLookup) and says, when there is none, exactly how
 * to add one. The arithmetic is shared/currency.ts.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { currencyCodeSchema, parseRate, type CurrencyRate, type currencyRateSetSchema } from '../../../shared/currency';
import { periodSchema } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { currencyRates, workspace } from '../db/schema';
import { withChange } from '../history/change';

export type RateSet = z.output<typeof currencyRateSetSchema>;
type RateRow = typeof currencyRates.$inferSelect;

function toRate(row: RateRow): CurrencyRate {
  return { id: row.id, currency: row.currency, period: row.period, rate: row.rate, updatedAt: row.updatedAt };
}

function workspaceCurrency(ctx: Ctx): string {
  return ctx.db.select({ currency: workspace.currency }).from(workspace).get()?.currency ?? '';
}

/** Every rate, by currency then month. */
export function listRates(ctx: Ctx): CurrencyRate[] {
  return ctx.db.select().from(currencyRates).orderBy(asc(currencyRates.currency), asc(currencyRates.period)).all().map(toRate);
}

function findRate(ctx: Ctx, currency: string, period: string): RateRow | undefined {
  return ctx.db
    .select()
    .from(currencyRates)
    .where(and(eq(currencyRates.currency, currency), eq(currencyRates.period, period)))
    .get();
}

function requireForeign(ctx: Ctx, currency: string): void {
  const own = workspaceCurrency(ctx);
  if (currency === own) throw new AppError('invalid_input', `${currency} is the workspace's own currency: it needs no rate.`);
}

/** Sets (adds or replaces) the rate of a currency for a month, as one undoable change. */
export function setRate(ctx: Ctx, input: RateSet): CurrencyRate {
  requireForeign(ctx, input.currency);
  const existing = findRate(ctx, input.currency, input.period);
  if (existing && existing.rate === input.rate) return toRate(existing);
  const at = isoNow(ctx);
  const label = `Set ${input.currency} rate for ${input.period} to ${input.rate}`;
  const id = existing?.id ?? ctx.newId();
  withChange(ctx, label, (w) => {
    if (existing) w.update('currency_rates', existing.id, { rate: input.rate, updatedAt: at });
    else w.insert('currency_rates', { id, currency: input.currency, period: input.period, rate: input.rate, updatedAt: at });
  });
  return toRate(findRate(ctx, input.currency, input.period)!);
}

export function deleteRate(ctx: Ctx, id: string): void {
  const row = ctx.db.select().from(currencyRates).where(eq(currencyRates.id, id)).get();
  if (!row) throw new AppError('not_found', 'That rate no longer exists.');
  withChange(ctx, `Delete ${row.currency} rate for ${row.period}`, (w) => w.remove('currency_rates', id));
}

/** The rate for a currency and month, or null. The workspace's own currency is always "1". */
export function rateFor(ctx: Ctx, currency: string, period: string): string | null {
  if (currency === workspaceCurrency(ctx)) return '1';
  return findRate(ctx, currency, period)?.rate ?? null;
}

/** What to tell the user when a rate is missing: where to add it, and the CLI flag that gives it. */
export function missingRateMessage(currency: string, period: string): string {
  return `No ${currency} rate for ${period}: add one in Settings → Currency rates, or \`--rate ${currency}=1.08\` (your rate: ${currency} per 1 unit, in the workspace currency).`;
}

/** The rate, or a refusal naming the currency, the month and how to add it. */
export function requireRate(ctx: Ctx, currency: string, period: string): string {
  const rate = rateFor(ctx, currency, period);
  if (rate === null) throw new AppError('refused', missingRateMessage(currency, period), { currency, period });
  return rate;
}

export type RateAnswer = { ok: true; rate: string; source: 'workspace' | 'table' | 'given' } | { ok: false; message: string };

/**
 * A lookup for one import: rates given for this run (the CLI's --rate, one per currency for every
 * month) win over the table; the table is read once. Never throws: a missing rate is an answer.
 */
export function createRateLookup(ctx: Ctx, given: ReadonlyMap<string, string> = new Map()): (currency: string, period: string) => RateAnswer {
  const own = workspaceCurrency(ctx);
  const table = new Map(listRates(ctx).map((r) => [`${r.currency} ${r.period}`, r.rate]));
  return (currency, period) => {
    if (currency === own) return { ok: true, rate: '1', source: 'workspace' };
    const flag = given.get(currency);
    if (flag !== undefined) return { ok: true, rate: flag, source: 'given' };
    const stored = table.get(`${currency} ${period}`);
    if (stored !== undefined) return { ok: true, rate: stored, source: 'table' };
    return { ok: false, message: missingRateMessage(currency, period) };
  };
}

/** The CLI's "--rate EUR=1.08,GBP=1.27" as currency → canonical rate, or the first malformed entry. */
export function parseRateList(text: string): { ok: true; rates: Map<string, string> } | { ok: false; message: string } {
  const rates = new Map<string, string>();
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = /^([A-Za-z]{3})\s*=\s*(.+)$/.exec(entry);
    const rate = m ? parseRate(m[2]!) : null;
    if (!m || !rate?.ok) return { ok: false, message: `"${entry}" is not CODE=RATE (e.g. EUR=1.08)${rate && !rate.ok ? `: ${rate.message}` : ''}` };
    rates.set(m[1]!.toUpperCase(), rate.rate);
  }
  return { ok: true, rates };
}

/**
 * Imports a rates CSV (columns currency, period, rate; a header row is optional) as one undoable
 * change, or refuses it whole, naming every bad line. Rates already stored for a currency and
 * month are replaced. Returns how many rates were written.
 */
export function importRatesCsv(ctx: Ctx, text: string, fileName = 'rates.csv'): { written: number } {
  const own = workspaceCurrency(ctx);
  const problems: string[] = [];
  const rows = new Map<string, RateSet>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
    if (cells.every((c) => c === '')) return;
    if (i === 0 && /currency/i.test(cells[0] ?? '')) return;
    const where = `line ${i + 1}`;
    if (cells.length < 3) return void problems.push(`${where}: expected currency, period, rate`);
    const currency = currencyCodeSchema.safeParse(cells[0]);
    const period = periodSchema.safeParse(cells[1]);
    const rate = parseRate(cells[2]!);
    if (!currency.success) return void problems.push(`${where}: "${cells[0]}" is not a currency code`);
    if (!period.success) return void problems.push(`${where}: "${cells[1]}" is not a period (YYYY-MM)`);
    if (!rate.ok) return void problems.push(`${where}: ${rate.message}`);
    if (currency.data === own) return void problems.push(`${where}: ${own} is the workspace's own currency`);
    const k = `${currency.data} ${period.data}`;
    if (rows.has(k) && rows.get(k)!.rate !== rate.rate) return void problems.push(`${where}: a second, different ${currency.data} rate for ${period.data}`);
    rows.set(k, { currency: currency.data, period: period.data, rate: rate.rate });
  });
  if (problems.length > 0) throw new AppError('invalid_input', `${fileName} was not imported:\n${problems.join('\n')}`, { problems });
  const at = isoNow(ctx);
  let written = 0;
  withChange(ctx, `Import ${rows.size} currency rate${rows.size === 1 ? '' : 's'} from ${fileName}`, (w) => {
    for (const r of rows.values()) {
      const existing = findRate(ctx, r.currency, r.period);
      if (existing?.rate === r.rate) continue;
      if (existing) w.update('currency_rates', existing.id, { rate: r.rate, updatedAt: at });
      else w.insert('currency_rates', { id: ctx.newId(), currency: r.currency, period: r.period, rate: r.rate, updatedAt: at });
      written++;
    }
  });
  return { written };
}
