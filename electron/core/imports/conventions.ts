/**
 * THE rules for what an imported account is and which way its amounts point: the account type
 * from a Type column, the account's name or its code range; balance-sheet accounts told apart;
 * the file's sign convention detected from its data; debit/credit columns and Dr/Cr/(…) markers.
 *
 * How the workspace stores figures (budget/variance-service.ts, the demo data): every amount is
 * positive in its natural direction — revenue positive, expenses and capex positive. A file's
 * convention is converted to that one.
 *
 * A type read from a Type column is certain (the file says so); one read from a name or a code
 * range is a guess with a reason, for the user to confirm. A sign convention comes with its
 * evidence and a confidence; where it is not 'high' the importer asks (the CLI refuses naming the
 * flag that confirms it). Nothing here decides silently.
 */
import { parseAmount } from '../../../shared/money';
import type { AccountType } from '../../../shared/budget';

/** Every type a file can name: the workspace's three, and the balance-sheet ones it never imports. */
export type InferredAccountType = AccountType | 'asset' | 'liability' | 'equity';

export interface AccountTypeGuess {
  type: InferredAccountType;
  /** Assets, liabilities and equity: rows to skip with one warning, never imported as expenses. */
  balanceSheet: boolean;
  /** True only when a Type column said so; a guess from a name or a code must be confirmed. */
  certain: boolean;
  from: 'type-column' | 'name' | 'code';
  reason: string;
}

export function isBalanceSheetType(type: InferredAccountType): type is 'asset' | 'liability' | 'equity' {
  return type === 'asset' || type === 'liability' || type === 'equity';
}

function guess(type: InferredAccountType, from: AccountTypeGuess['from'], reason: string): AccountTypeGuess {
  return { type, balanceSheet: isBalanceSheetType(type), certain: from === 'type-column', from, reason };
}

function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Type column words (QuickBooks, Xero, Sage, NetSuite, plain budgets), most specific first.
 * Each pattern is tested against the whole normalised cell.
 */
const typeColumnRules: [RegExp, InferredAccountType][] = [
  [/^(capex|capital|capital expenditure|capital expenditures|capital spend|capitalised|capitalized)$/, 'capex'],
  [/^(other )?(income|revenue|revenues|sales|turnover)( income)?$/, 'revenue'],
  [/^(operating )?(income|revenue)s?$|^non operating income$|^interest income$/, 'revenue'],
  [/^(other )?(expense|expenses|expenditure|expenditures|cost|costs|overhead|overheads|spend|opex)$/, 'expense'],
  [/^(cost of goods sold|cogs|cost of sales|cost of revenue|direct costs?|depreciation|amortization|amortisation|operating expenses?|payroll expenses?)$/, 'expense'],
  [/^(other )?(current |fixed |non current |long term )?assets?$/, 'asset'],
  [/^(bank|cash|inventory|prepayments?|accounts receivable( a r)?|a r|receivables?|other current assets?)$/, 'asset'],
  [/^(other )?(current |non current |long term )?liabilit(y|ies)$/, 'liability'],
  [/^(accounts payable( a p)?|a p|payables?|credit card|other current liabilities|long term liabilities)$/, 'liability'],
  [/^(equity|owners equity|shareholders equity|stockholders equity|capital and reserves|retained earnings)$/, 'equity'],
];

/** The type a Type column's value names ("Income", "Cost of Goods Sold", "Fixed Asset"…), or null when it names none. */
export function accountTypeFromTypeColumn(value: string): AccountTypeGuess | null {
  const k = key(value);
  if (k === '') return null;
  for (const [pattern, type] of typeColumnRules) {
    if (pattern.test(k)) return guess(type, 'type-column', `the Type column says "${value.trim()}"`);
  }
  return null;
}

/**
 * Name patterns, checked in order: balance-sheet words before revenue words, so "Deferred revenue"
 * is a liability and "Sales tax payable" is not sales; expense words before revenue words, so
 * "Cost of sales" and "Sales commissions" are expenses.
 */
const nameRules: [RegExp, InferredAccountType, string][] = [
  [/\b(retained earnings|common stock|preferred stock|share capital|capital stock|paid in capital|owners? equity|shareholders? equity|stockholders? equity|opening balance equity|owners? draw|drawings|dividends? paid|treasury stock)\b/, 'equity', 'an equity account'],
  [/\b(accounts payable|payables?|accrued|accruals?|loans?(?! interest)|borrowings?|debt|mortgage|notes payable|deferred revenue|unearned|credit card|payroll liabilit|vat (control|payable)|sales tax payable|gst payable|customer deposits)\b/, 'liability', 'a liability account'],
  [/\b(accounts receivable|receivables?|cash|bank(?! (fees|charges|service))|checking|savings|petty cash|inventory|inventories|stock on hand|prepaid|prepayments?|fixed assets?|accumulated depreciation|undeposited funds|fixtures and fittings|land and buildings)\b/, 'asset', 'an asset account'],
  [/\b(capex|capital expenditures?|capitali[sz]ed)\b/, 'capex', 'capital spend'],
  [/\b(cost of (goods sold|sales|revenue)|cogs|expenses?|costs?|salar(y|ies)|wages|payroll|benefits|rent|utilities|travel|depreciation|amorti[sz]ation|insurance|software|supplies|subscriptions?|commissions?|bonus(es)?|training|recruit\w*|advertising|marketing|consulting|professional fees|legal fees|bank (fees|charges)|interest expense|loan interest|tax(es)?|repairs|maintenance|postage|telephone|fuel|freight out|meals|entertainment)\b/, 'expense', 'an expense account'],
  [/\b(revenues?|income|sales|turnover|fees earned|interest earned|grants? received|donations received|subscription revenue)\b/, 'revenue', 'a revenue account'],
];

/** A guess from the account's name ("Product revenue", "Accrued expenses", "Retained earnings"), or null. */
export function accountTypeFromName(name: string): AccountTypeGuess | null {
  const k = key(name);
  if (k === '') return null;
  for (const [pattern, type, what] of nameRules) {
    const m = pattern.exec(k);
    if (m) return guess(type, 'name', `"${name.trim()}" reads as ${what} ("${m[0]}")`);
  }
  return null;
}

const codeRanges: InferredAccountType[] = ['asset', 'liability', 'equity', 'revenue', 'expense', 'expense', 'expense', 'expense', 'expense'];

/**
 * A guess from a numeric code of 3–6 digits by the typical chart of accounts: 1xxx assets,
 * 2xxx liabilities, 3xxx equity, 4xxx revenue, 5xxx–9xxx expenses. Null for other codes.
 */
export function accountTypeFromCode(code: string): AccountTypeGuess | null {
  const c = code.trim();
  if (!/^[1-9]\d{2,5}$/.test(c)) return null;
  const type = codeRanges[Number(c[0]) - 1]!;
  return guess(type, 'code', `code ${c} is in the ${c[0]}${'x'.repeat(c.length - 1)} range, ${type === 'expense' ? 'expenses' : type} in a typical chart of accounts`);
}

/** The type from what a row offers, most telling first: the Type column, then the name, then the code. */
export function inferAccountType(row: { typeCell?: string | null; name?: string | null; code?: string | null }): AccountTypeGuess | null {
  return (
    (row.typeCell ? accountTypeFromTypeColumn(row.typeCell) : null) ??
    (row.name ? accountTypeFromName(row.name) : null) ??
    (row.code ? accountTypeFromCode(row.code) : null)
  );
}

/* ------------------------------------------------------------------------------------------ */
/* Signs                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/**
 * - 'as-stored': revenue positive, expenses positive (how the workspace stores them);
 * - 'credits-negative': revenue negative, expenses positive (a trial balance: debits +, credits −);
 * - 'expenses-negative': revenue positive, expenses negative (a cash view).
 */
export type SignConvention = 'as-stored' | 'credits-negative' | 'expenses-negative';

export interface SignEvidence {
  revenuePositive: number;
  revenueNegative: number;
  expensePositive: number;
  expenseNegative: number;
}

export interface SignDetection {
  /** Null when the data cannot say (no non-zero amounts, or both kinds mostly negative). */
  convention: SignConvention | null;
  /** 'high' when each kind present is at least 90 % one sign over at least 3 amounts; else 'low' (ask). */
  confidence: 'high' | 'low' | 'none';
  evidence: SignEvidence;
  reason: string;
}

/** Revenue, or spend (expense and capex), or neither (balance sheet): which way a type's amounts point. */
function side(type: InferredAccountType): 'revenue' | 'spend' | null {
  if (type === 'revenue') return 'revenue';
  if (type === 'expense' || type === 'capex') return 'spend';
  return null;
}

/** Detects a file's sign convention from (account type, amount) pairs; balance-sheet rows and zeros are not evidence. */
export function detectSignConvention(sample: Iterable<{ type: InferredAccountType; amountMinor: number }>): SignDetection {
  const e: SignEvidence = { revenuePositive: 0, revenueNegative: 0, expensePositive: 0, expenseNegative: 0 };
  for (const { type, amountMinor } of sample) {
    if (amountMinor === 0) continue;
    const s = side(type);
    if (s === 'revenue') {
      if (amountMinor > 0) e.revenuePositive++;
      else e.revenueNegative++;
    } else if (s === 'spend') {
      if (amountMinor > 0) e.expensePositive++;
      else e.expenseNegative++;
    }
  }
  const revenue = e.revenuePositive + e.revenueNegative;
  const spend = e.expensePositive + e.expenseNegative;
  const counts = `revenue ${e.revenuePositive} positive / ${e.revenueNegative} negative, expenses ${e.expensePositive} positive / ${e.expenseNegative} negative`;
  if (revenue + spend === 0) return { convention: null, confidence: 'none', evidence: e, reason: 'no non-zero revenue or expense amounts to tell by' };
  const revenueUp = revenue === 0 ? null : e.revenuePositive >= e.revenueNegative;
  const spendUp = spend === 0 ? null : e.expensePositive >= e.expenseNegative;
  const clear = (a: number, b: number) => a + b >= 3 && Math.max(a, b) / (a + b) >= 0.9;
  const allClear = (revenue === 0 || clear(e.revenuePositive, e.revenueNegative)) && (spend === 0 || clear(e.expensePositive, e.expenseNegative));
  let convention: SignConvention | null;
  if (revenueUp === false && spendUp === false) convention = null;
  else if (revenueUp === false) convention = 'credits-negative';
  else if (spendUp === false) convention = 'expenses-negative';
  else convention = 'as-stored';
  if (convention === null) return { convention, confidence: 'none', evidence: e, reason: `revenue and expenses are both mostly negative (${counts})` };
  const only = revenue === 0 ? ' (no revenue rows: revenue would be read the same way)' : spend === 0 ? ' (no expense rows)' : '';
  return { convention, confidence: allClear ? 'high' : 'low', evidence: e, reason: `${counts}${only}` };
}

/** An amount from a file in `convention`, as the workspace stores it (revenue and spend both positive). */
export function toWorkspaceSign(amountMinor: number, type: AccountType, convention: SignConvention): number {
  const flip = (convention === 'credits-negative' && type === 'revenue') || (convention === 'expenses-negative' && type !== 'revenue');
  return flip && amountMinor !== 0 ? -amountMinor : amountMinor;
}

/** How a convention reads in the preview. */
export function describeSignConvention(convention: SignConvention): string {
  switch (convention) {
    case 'as-stored':
      return 'revenue and expenses both positive';
    case 'credits-negative':
      return 'credits negative (revenue written as negative, as in a trial balance)';
    case 'expenses-negative':
      return 'expenses written as negative';
  }
}

/**
 * An amount from debit and credit columns, in the workspace's sign: spend (and assets) are
 * debit − credit, revenue (and liabilities, equity) credit − debit. Blank cells are null.
 */
export function fromDebitCredit(debitMinor: number | null, creditMinor: number | null, type: InferredAccountType): number {
  const net = (debitMinor ?? 0) - (creditMinor ?? 0);
  const creditNatural = type === 'revenue' || type === 'liability' || type === 'equity';
  const value = creditNatural ? -net : net;
  return value === 0 ? 0 : value;
}

export type MarkedAmount =
  | { ok: true; minor: number | null; side: 'debit' | 'credit' | null }
  | { ok: false; message: string };

/**
 * Reads "1,234.50 Cr", "Dr 1,234.50", "CR 200", "(1,234)" and plain amounts. With a Dr/Cr marker
 * `minor` is the magnitude and `side` says which; without one `minor` is signed as written
 * (parentheses negative) and `side` is null.
 */
export function parseMarkedAmount(text: string, minorDigits = 2): MarkedAmount {
  const t = text.trim();
  const m = /^(?:(dr|cr)\.?\s*)?(.*?)(?:\s*(dr|cr)\.?)?$/i.exec(t);
  const marker = (m?.[1] ?? m?.[3])?.toLowerCase();
  if (marker === undefined) return withSide(parseAmount(t, minorDigits), null);
  const parsed = parseAmount(m![2]!, minorDigits);
  if (!parsed.ok) return parsed;
  if (parsed.minor !== null && parsed.minor < 0) return { ok: false, message: `"${t}" is both negative and marked ${marker === 'dr' ? 'Dr' : 'Cr'}` };
  return { ok: true, minor: parsed.minor, side: marker === 'dr' ? 'debit' : 'credit' };
}

function withSide(parsed: ReturnType<typeof parseAmount>, s: null): MarkedAmount {
  return parsed.ok ? { ok: true, minor: parsed.minor, side: s } : parsed;
}

/** A Dr/Cr-marked amount (parseMarkedAmount) in the workspace's sign for an account of `type`. */
export function fromMarkedAmount(amount: { minor: number; side: 'debit' | 'credit' }, type: InferredAccountType): number {
  return amount.side === 'debit' ? fromDebitCredit(amount.minor, null, type) : fromDebitCredit(null, amount.minor, type);
}
