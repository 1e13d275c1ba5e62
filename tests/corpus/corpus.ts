/**
 * The import corpus: real spreadsheets from other people's repositories (files/, SOURCES.md),
 * the import a user would make of each (manifest.json) and what that import must write
 * (manifest.json "expected", computed by expected.py from the files, never from the importer).
 *
 * For each file: a fresh temp workspace built from the entry's setup through the core services,
 * the file read and planned and committed exactly as `npm run cli -- import` does (readWorkbook,
 * planImport, commitImport; any error refuses the whole file), then what was written is read back
 * with SQL and compared with the expectation. Used by run.ts (`npm run import-corpus`) and by
 * tests/integration/import-corpus.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createAccount } from '../../electron/core/budget/account-service';
import { createPlan, setPlanStatus } from '../../electron/core/budget/plan-service';
import type { Ctx } from '../../electron/core/context';
import { commitImport } from '../../electron/core/imports/commit';
import { planImport } from '../../electron/core/imports/preview';
import { readWorkbook } from '../../electron/core/imports/read/read-workbook';
import { createDepartment } from '../../electron/core/org/department-service';
import { importOptionsSchema, type ImportOptions } from '../../shared/imports';
import { formatMoney } from '../../shared/money';
import { AppError } from '../../shared/result';
import { tempWorkspace } from '../helpers/temp-workspace';

export const corpusDir = import.meta.dirname;

// ---------- the manifest ----------

const codePair = z.object({ from: z.string(), to: z.string() });

const setupSchema = z.object({
  currency: z.string(),
  fiscalYearStartMonth: z.number().int(),
  departments: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
  accounts: z.array(z.object({ code: z.string(), name: z.string(), type: z.enum(['revenue', 'expense', 'capex']) })).optional(),
  plans: z.array(z.object({ fiscalYear: z.number().int(), scenario: z.string(), status: z.enum(['draft', 'approved']) })).optional(),
  /** The director's rates table: one rate per currency for every month from..to. */
  rates: z.array(z.object({ currency: z.string(), from: z.string(), to: z.string(), rate: z.string() })).optional(),
});
export type CorpusSetup = z.infer<typeof setupSchema>;

/**
 * What the user chooses in the import dialog, in the words of issue 10, whether or not the
 * importer takes it yet. toImportOptions below turns these into the importer's options.
 */
const choicesSchema = z
  .object({
    kind: z.enum(['departments', 'accounts', 'people', 'budget', 'actuals']).optional(),
    plan: z.string().optional(),
    department: z.string().optional(),
    /** The account of every row of a file without an account column. */
    account: z.string().optional(),
    /** The period of every row of a file without one (a trial balance "as of"). */
    period: z.string().optional(),
    mapping: z.array(z.object({ header: z.string(), field: z.string() })).optional(),
    /** Confirmed matches: a name (or unknown code) in the file → an existing code. */
    codes: z.array(codePair).optional(),
    createMissing: z.boolean().optional(),
    spread: z.enum(['even']).optional(),
    /** The file's sign convention, confirmed: debits positive, or expenses negative. */
    signs: z.enum(['debit-positive', 'expenses-negative']).optional(),
    /** Dates read day-first. */
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    /** Balance-sheet rows: skip them (confirmed), or the names of the rows that are balance sheet. */
    balanceSheet: z.union([z.literal('skip'), z.array(z.string())]).optional(),
    intoApproved: z.boolean().optional(),
  })
  .strict();
export type CorpusChoices = z.infer<typeof choicesSchema>;

const cellSchema = z.object({ plan: z.string().optional(), department: z.string(), account: z.string(), period: z.string(), amountMinor: z.number().int() });
export type ExpectedCell = z.infer<typeof cellSchema>;
const personSchema = z.object({
  name: z.string(),
  department: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  annualSalaryMinor: z.number().int().nullable(),
});
export type ExpectedPerson = z.infer<typeof personSchema>;

const expectedSchema = z.union([
  z.object({ refuse: z.literal(true), facts: z.record(z.string(), z.unknown()).optional() }),
  z.object({
    kind: z.enum(['budget', 'actuals']),
    cells: z.array(cellSchema),
    totalMinor: z.number().int(),
    createdDepartments: z.array(z.string()),
    createdAccounts: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('people'),
    count: z.number().int(),
    leavers: z.number().int(),
    byDepartment: z.array(z.object({ department: z.string(), count: z.number().int() })),
    people: z.array(personSchema),
    createdDepartments: z.array(z.string()),
  }),
  z.object({ kind: z.literal('departments'), departments: z.array(z.object({ code: z.string(), name: z.string() })) }),
  z.object({ kind: z.literal('accounts'), accounts: z.array(z.object({ code: z.string(), name: z.string(), type: z.string() })) }),
]);
export type Expected = z.infer<typeof expectedSchema>;

const entrySchema = z.object({
  file: z.string(),
  category: z.string(),
  setup: z.string(),
  /** 'import-or-refuse': either the right figures or a refusal is correct (e.g. a file spanning fiscal years). */
  expect: z.enum(['import', 'refuse', 'import-or-refuse']),
  why: z.string(),
  choices: choicesSchema,
  /** The ratchet: this file imports correctly today, and must keep doing so. */
  passesNow: z.boolean().optional(),
  expected: expectedSchema,
});
export type CorpusEntry = z.infer<typeof entrySchema>;

const manifestSchema = z.object({ about: z.string(), version: z.literal(1), setups: z.record(z.string(), setupSchema), files: z.array(entrySchema) });
export type CorpusManifest = z.infer<typeof manifestSchema>;

export function loadManifest(): CorpusManifest {
  return manifestSchema.parse(JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')));
}

// ---------- the adapter: the user's choices → the importer's options ----------

/**
 * THE ADAPTER. Maps a manifest entry's choices onto the importer's options (shared/imports.ts
 * importOptionsSchema), passing each choice only when the schema has a key for it, so the corpus
 * speaks the language of the import dialog while the importer grows. To follow a new importer
 * option, add (or reorder) its key in `offers` below; nothing else changes.
 *
 * - kind, plan, department, mapping map to kind, planName, departmentCode, mapping (today's keys).
 * - codes: to `codes` once the importer has it; until then to today's `unknownCodes` map
 *   (unknown code → existing code), which is what a name in a code column is to today's importer.
 * - createMissing: unknownCodes 'create' (as --create-missing), unless the code map occupies it
 *   (then the matches win and the creation is reported as not taken).
 * - account, period, spread, signs, dateOrder, balanceSheet, intoApproved: passed under the first
 *   of their candidate keys the schema knows; otherwise reported as "not taken yet".
 * Default unknownCodes is 'refuse', as on the CLI. A value the schema rejects is dropped and
 * reported, never guessed into another form. Choices that are dropped usually make the importer
 * refuse the file (REFUSED), never count as imported.
 */
export function toImportOptions(choices: CorpusChoices): { options: ImportOptions; notTaken: string[] } {
  const shape = importOptionsSchema.shape as Record<string, unknown>;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(shape, key);
  const wanted: Record<string, unknown> = {};
  const notTaken: string[] = [];
  const offer = (choice: string, keys: readonly string[], value: unknown) => {
    if (value === undefined) return;
    const key = keys.find(has);
    if (key === undefined) notTaken.push(choice);
    else wanted[key] = value;
  };

  offer('kind', ['kind'], choices.kind);
  offer('plan', ['planName'], choices.plan);
  offer('department', ['departmentCode'], choices.department);
  offer('mapping', ['mapping'], choices.mapping);
  offer('account', ['account', 'accountCode'], choices.account);
  offer('period', ['period'], choices.period);
  offer('spread', ['spread'], choices.spread);
  offer('signs', ['signs', 'signConvention'], choices.signs);
  offer('dateOrder', ['dateOrder'], choices.dateOrder);
  offer('balanceSheet', ['balanceSheet'], choices.balanceSheet);
  offer('intoApproved', ['intoApproved'], choices.intoApproved);

  if (choices.codes !== undefined) {
    if (has('codes')) wanted.codes = choices.codes;
    else wanted.unknownCodes = choices.codes;
  }
  if (choices.createMissing) {
    // The confirmations come first: without a separate `codes` option, creating would also
    // create the names the user matched, so the creation is what is left untaken.
    if (wanted.unknownCodes === undefined) wanted.unknownCodes = 'create';
    else notTaken.push('createMissing');
  }
  if (wanted.unknownCodes === undefined) wanted.unknownCodes = 'refuse';

  // Drop what the schema rejects, one key at a time, and say so.
  for (;;) {
    const parsed = importOptionsSchema.safeParse(wanted);
    if (parsed.success) return { options: parsed.data, notTaken };
    const key = parsed.error.issues.map((i) => i.path[0]).find((k): k is string => typeof k === 'string' && k in wanted);
    if (key === undefined) throw new Error(`import options rejected: ${parsed.error.message}`);
    notTaken.push(`${key} (rejected: ${parsed.error.issues.find((i) => i.path[0] === key)?.message ?? 'invalid'})`);
    delete wanted[key];
  }
}

// ---------- the workspace ----------

function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let p = from; p <= to; ) {
    out.push(p);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    p = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

/** Builds the entry's workspace through the services the app uses (rates, which no service writes yet, with SQL into schema 0006's table). */
function buildSetup(ctx: Ctx, setup: CorpusSetup): void {
  for (const d of setup.departments ?? []) createDepartment(ctx, { code: d.code, name: d.name, parentId: null });
  for (const a of setup.accounts ?? []) createAccount(ctx, a);
  for (const p of setup.plans ?? []) {
    const plan = createPlan(ctx, { fiscalYear: p.fiscalYear, scenario: p.scenario });
    if (p.status === 'approved') setPlanStatus(ctx, { id: plan.id, status: 'approved' });
  }
  const insertRate = ctx.db.$client.prepare('INSERT INTO currency_rates (id, currency, period, rate, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (const r of setup.rates ?? []) {
    for (const period of monthsFrom(r.from, r.to)) insertRate.run(ctx.newId(), r.currency, period, r.rate, '2026-11-21T12:00:00Z');
  }
}

// ---------- what was written, and the comparison ----------

export interface Written {
  figures: { budget: ExpectedCell[]; actuals: ExpectedCell[] };
  people: ExpectedPerson[];
  departments: Array<{ code: string; name: string }>;
  accounts: Array<{ code: string; name: string; type: string }>;
}

function readWritten(ctx: Ctx): Written {
  const db = ctx.db.$client;
  return {
    figures: {
      budget: db
        .prepare(
          `SELECT p.name AS plan, d.code AS department, a.code AS account, b.period, b.amount_minor AS amountMinor
           FROM budget_lines b JOIN plans p ON p.id = b.plan_id JOIN departments d ON d.id = b.department_id JOIN accounts a ON a.id = b.account_id`,
        )
        .all() as ExpectedCell[],
      actuals: db
        .prepare(
          `SELECT d.code AS department, a.code AS account, x.period, x.amount_minor AS amountMinor
           FROM actuals x JOIN departments d ON d.id = x.department_id JOIN accounts a ON a.id = x.account_id`,
        )
        .all() as ExpectedCell[],
    },
    people: db
      .prepare(
        `SELECT p.name, d.code AS department, p.start_date AS startDate, p.end_date AS endDate, p.annual_salary_minor AS annualSalaryMinor
         FROM people p JOIN departments d ON d.id = p.department_id`,
      )
      .all() as ExpectedPerson[],
    departments: db.prepare('SELECT code, name FROM departments').all() as Array<{ code: string; name: string }>,
    accounts: db.prepare('SELECT code, name, type FROM accounts').all() as Array<{ code: string; name: string; type: string }>,
  };
}

const money = (minor: number) => formatMoney(minor, { decimals: 2, parens: false });
const cellKey = (c: ExpectedCell) => [c.plan ?? '', c.department, c.account, c.period].join(' / ').replace(/^ \/ /, '');
const list = (xs: readonly string[], max = 4) => (xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`);

/** Every difference between the expected and the written state, in words; empty when they agree. */
export function differences(expected: Exclude<Expected, { refuse: true }>, written: Written, setup: CorpusSetup): string[] {
  const problems: string[] = [];
  const setupDepartments = new Set((setup.departments ?? []).map((d) => d.code));
  const setupAccounts = new Set((setup.accounts ?? []).map((a) => a.code));
  const createdDepartments = written.departments.map((d) => d.code).filter((c) => !setupDepartments.has(c)).sort();
  const createdAccounts = written.accounts.map((a) => a.code).filter((c) => !setupAccounts.has(c)).sort();
  const sameSet = (what: string, want: readonly string[], got: readonly string[]) => {
    const extra = got.filter((g) => !want.includes(g));
    const missing = want.filter((w) => !got.includes(w));
    if (extra.length > 0) problems.push(`${what} created that should not be: ${list(extra)}`);
    if (missing.length > 0) problems.push(`${what} not created: ${list(missing)}`);
  };

  if (expected.kind === 'budget' || expected.kind === 'actuals') {
    sameSet('departments', expected.createdDepartments, createdDepartments);
    sameSet('accounts', expected.createdAccounts, createdAccounts);
    const other = expected.kind === 'budget' ? written.figures.actuals : written.figures.budget;
    if (other.length > 0) problems.push(`${other.length} ${expected.kind === 'budget' ? 'actuals' : 'budget lines'} written as well`);
    const want = new Map(expected.cells.map((c) => [cellKey(c), c.amountMinor]));
    const got = new Map<string, number>();
    for (const c of written.figures[expected.kind]) if (c.amountMinor !== 0) got.set(cellKey(c), (got.get(cellKey(c)) ?? 0) + c.amountMinor);
    const diffs: string[] = [];
    for (const [k, v] of want) if (got.get(k) !== v) diffs.push(`${k}: expected ${money(v)}, got ${got.has(k) ? money(got.get(k)!) : 'nothing'}`);
    for (const [k, v] of got) if (!want.has(k)) diffs.push(`${k}: expected nothing, got ${money(v)}`);
    if (diffs.length > 0) {
      const gotTotal = [...got.values()].reduce((a, b) => a + b, 0);
      problems.push(`${diffs.length} of ${Math.max(want.size, got.size)} cells differ (total expected ${money(expected.totalMinor)}, got ${money(gotTotal)}): ${list(diffs, 3)}`);
    }
  } else if (expected.kind === 'people') {
    sameSet('departments', expected.createdDepartments, createdDepartments);
    const key = (p: ExpectedPerson) => JSON.stringify([p.name, p.department, p.startDate, p.endDate, p.annualSalaryMinor]);
    const show = (p: ExpectedPerson) =>
      `${p.name} (${p.department}${p.startDate ? `, from ${p.startDate}` : ''}${p.endDate ? `, left ${p.endDate}` : ''}${p.annualSalaryMinor !== null ? `, ${money(p.annualSalaryMinor)}` : ''})`;
    const remaining = new Map<string, number>();
    for (const p of written.people) remaining.set(key(p), (remaining.get(key(p)) ?? 0) + 1);
    const missing: string[] = [];
    for (const p of expected.people) {
      const n = remaining.get(key(p)) ?? 0;
      if (n > 0) remaining.set(key(p), n - 1);
      else missing.push(show(p));
    }
    const extra = written.people.filter((p) => {
      const n = remaining.get(key(p)) ?? 0;
      if (n > 0) remaining.set(key(p), n - 1);
      return n > 0;
    });
    const leavers = written.people.filter((p) => p.endDate !== null).length;
    if (written.people.length !== expected.count) problems.push(`${written.people.length} people written, expected ${expected.count}`);
    if (leavers !== expected.leavers) problems.push(`${leavers} leavers written, expected ${expected.leavers}`);
    if (missing.length > 0) problems.push(`not written as expected: ${list(missing, 3)}`);
    if (extra.length > 0) problems.push(`written but not expected: ${list(extra.map(show), 3)}`);
  } else if (expected.kind === 'departments') {
    const show = (d: { code: string; name: string }) => `${d.code} ${d.name}`;
    const want = expected.departments.map(show).sort();
    const got = written.departments.filter((d) => !setupDepartments.has(d.code)).map(show).sort();
    sameSet('departments', want, got);
  } else if (expected.kind === 'accounts') {
    const show = (a: { code: string; name: string; type: string }) => `${a.code} ${a.name} (${a.type})`;
    const want = expected.accounts.map(show).sort();
    const got = written.accounts.filter((a) => !setupAccounts.has(a.code)).map(show).sort();
    sameSet('accounts', want, got);
  }
  return problems;
}

function describeExpected(expected: Exclude<Expected, { refuse: true }>): string {
  if (expected.kind === 'budget' || expected.kind === 'actuals') {
    const plans = [...new Set(expected.cells.map((c) => c.plan).filter(Boolean))];
    return `${expected.kind}, ${expected.cells.length} cells${plans.length > 0 ? ` in ${plans.join(', ')}` : ''}, total ${money(expected.totalMinor)}`;
  }
  if (expected.kind === 'people') return `people, ${expected.count} (${expected.leavers} leavers)`;
  if (expected.kind === 'departments') return `departments, ${expected.departments.length}`;
  if (expected.kind === 'accounts') return `accounts, ${expected.accounts.length}`;
  return 'nothing';
}

// ---------- one file, all files ----------

export type Status = 'OK' | 'REFUSED' | 'WRONG';

export interface Outcome {
  file: string;
  expect: CorpusEntry['expect'];
  status: Status;
  /** OK: what was imported; REFUSED: the first line of the importer's message; WRONG: the differences. */
  detail: string;
  /** Choices the importer's options do not take (yet). */
  notTaken: string[];
  /** Refused because the importer threw something other than an AppError (a defect, not a refusal). */
  crashed: boolean;
  passesNow: boolean;
  ms: number;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

export async function runEntry(manifest: CorpusManifest, entry: CorpusEntry): Promise<Outcome> {
  const started = performance.now();
  const setup = manifest.setups[entry.setup];
  if (!setup) throw new Error(`${entry.file}: no setup "${entry.setup}"`);
  const { options, notTaken } = toImportOptions(entry.choices);
  const base = { file: entry.file, expect: entry.expect, notTaken, passesNow: entry.passesNow === true, crashed: false };
  const ws = tempWorkspace({ init: { name: 'Corpus', currency: setup.currency, fiscalYearStartMonth: setup.fiscalYearStartMonth } });
  const done = (status: Status, detail: string, crashed = false): Outcome => ({ ...base, status, detail, crashed, ms: performance.now() - started });
  try {
    buildSetup(ws.ctx, setup);
    let refusal: string | null = null;
    try {
      const workbook = await readWorkbook(readFileSync(join(corpusDir, 'files', entry.file)), entry.file, options.decimalComma ? { csv: { decimalComma: true } } : {});
      const plan = planImport(ws.ctx, workbook, options);
      const firstError = plan.problems.find((p) => p.severity === 'error');
      if (plan.errorCount > 0) refusal = `${firstError ? `${firstError.ref}: ${firstError.message}` : `${plan.errorCount} errors`}`;
      else if (plan.identical) refusal = 'nothing to import (the importer found nothing that changes the workspace)';
      else {
        const result = commitImport(ws.ctx, plan);
        if (result.batchId === null) refusal = 'nothing was written';
      }
    } catch (err) {
      if (err instanceof AppError) refusal = err.message;
      else return done('REFUSED', `crashed: ${err instanceof Error ? err.message : String(err)}`, true);
    }
    const written = readWritten(ws.ctx);
    if (refusal !== null) return done('REFUSED', firstLine(refusal));
    if ('refuse' in entry.expected) return done('WRONG', `imported a file that must be refused (${entry.why})`);
    const problems = differences(entry.expected, written, setup);
    return problems.length === 0 ? done('OK', describeExpected(entry.expected)) : done('WRONG', problems.join('; '));
  } finally {
    ws.cleanup();
  }
}

export async function runCorpus(options: { only?: readonly string[] } = {}): Promise<{ manifest: CorpusManifest; outcomes: Outcome[] }> {
  const manifest = loadManifest();
  const outcomes: Outcome[] = [];
  for (const entry of manifest.files) {
    if (options.only && !options.only.includes(entry.file)) continue;
    outcomes.push(await runEntry(manifest, entry));
  }
  return { manifest, outcomes };
}

// ---------- the report ----------

export interface Summary {
  lines: string[];
  wrong: string[];
  importedCorrectly: number;
  meantToImport: number;
}

export function report(outcomes: readonly Outcome[]): Summary {
  const width = Math.max(...outcomes.map((o) => o.file.length));
  const lines: string[] = [];
  for (const o of outcomes) {
    const tag = o.status === 'REFUSED' && o.expect === 'refuse' ? 'REFUSED' : o.status;
    const note = o.status === 'REFUSED' ? (o.expect === 'import' ? ' (should import)' : ' (as expected)') : '';
    const notTaken = o.notTaken.length > 0 && o.status !== 'OK' ? ` [not taken yet: ${o.notTaken.join(', ')}]` : '';
    lines.push(`${tag.padEnd(8)} ${o.file.padEnd(width)}  ${o.detail}${note}${notTaken}`);
  }
  const count = (f: (o: Outcome) => boolean) => outcomes.filter(f).length;
  const ok = count((o) => o.status === 'OK');
  const refused = count((o) => o.status === 'REFUSED');
  const refusedRightly = count((o) => o.status === 'REFUSED' && o.expect !== 'import');
  const wrong = outcomes.filter((o) => o.status === 'WRONG').map((o) => o.file);
  const meantToImport = count((o) => o.expect !== 'refuse');
  const mustRefuse = outcomes.length - meantToImport;
  const rightOutcome = ok + refusedRightly;
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${Math.round((100 * a) / b)}%`);
  lines.push('');
  lines.push(`${outcomes.length} files: ${ok} OK, ${refused} REFUSED (${refusedRightly} of them rightly), ${wrong.length} WRONG`);
  lines.push(`imported correctly: ${ok} of the ${meantToImport} files a correct importer imports (${pct(ok, meantToImport)}); ${mustRefuse} must be refused`);
  lines.push(`right outcome (correct import or rightful refusal): ${rightOutcome} of ${outcomes.length} (${pct(rightOutcome, outcomes.length)})`);
  const crashed = outcomes.filter((o) => o.crashed).map((o) => o.file);
  if (crashed.length > 0) lines.push(`crashed (an exception, not a refusal): ${crashed.join(', ')}`);
  const notTaken = new Map<string, number>();
  for (const o of outcomes) if (o.status !== 'OK') for (const n of o.notTaken) notTaken.set(n.split(' ')[0]!, (notTaken.get(n.split(' ')[0]!) ?? 0) + 1);
  if (notTaken.size > 0) lines.push(`choices the importer does not take yet: ${[...notTaken].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  const regressed = outcomes.filter((o) => o.passesNow && o.status !== 'OK').map((o) => o.file);
  if (regressed.length > 0) lines.push(`REGRESSED (marked passesNow, no longer OK): ${regressed.join(', ')}`);
  if (wrong.length > 0) lines.push(`!!! ${wrong.length} FILE${wrong.length === 1 ? '' : 'S'} IMPORTED WRONG — worse than any refusal: ${wrong.join(', ')} !!!`);
  return { lines, wrong, importedCorrectly: ok, meantToImport };
}
