/**
 * Checking what was read against the workspace: unknown department and account codes (an error,
 * created on the spot, or mapped to existing codes — the user's choice), figures only on
 * departments without sub-departments, months inside the plan's fiscal year, several rows for
 * one cell (summed with a warning, or refused), and the sign of debit/credit amounts.
 */
import type { AccountType } from '../../../shared/budget';
import type {
  AccountRecord,
  DepartmentRecord,
  EntityMatch,
  FigureRecord,
  ImportOptions,
  PersonRecord,
} from '../../../shared/imports';
import { departmentLevelProblem, figuresOnParentProblem, maxDepartmentLevels } from '../../../shared/org';
import { createNameMatcher, normaliseNameKey, type MatchOptions, type NameMatch } from '../../../shared/name-match';
import { periodLabel } from '../../../shared/periods';
import { circleInWords, treeLevels } from '../../../shared/tree';
import type { RawAccount, RawDepartment, RawPerson } from './entities';
import { CellIndex, cellKeys } from './cell-keys';
import type { RawFigure } from './figures';
import { personKey, type DepartmentInfo, type Lookup } from './lookup';
import type { Problems } from './problems';

export interface Creates {
  departments: { code: string; name: string }[];
  accounts: { code: string; name: string; type: AccountType }[];
}

type UnknownCodes = NonNullable<ImportOptions['unknownCodes']>;

/** Matches confirmed before for this file's source: normalised name → code, per entity. */
export interface RememberedMatches {
  department: ReadonlyMap<string, string>;
  account: ReadonlyMap<string, string>;
}

type Entity = 'department' | 'account';

/**
 * Resolves codes that are not in the workspace: first as names (shared/name-match.ts: exact names,
 * "410 Sales", remembered matches apply; near misses are offered and refused until confirmed),
 * then according to the user's choice (refuse, create, or the confirmed map).
 */
export class CodeResolver {
  private readonly mapped = new Map<string, string>();
  /** The confirmed map by normalised name, for names written another way than in the map. */
  private readonly mappedByKey = new Map<string, string>();
  private matchers: Partial<Record<Entity, (text: string, options?: MatchOptions) => NameMatch>> = {};
  /** byName's answer per entity and text: a file repeats its names on every row. */
  private readonly named = new Map<string, string | null | undefined>();
  /** Every name or unmatched code met, once, with what it was matched to. */
  readonly matches: EntityMatch[] = [];
  private readonly reported = new Set<string>();
  readonly creates: Creates = { departments: [], accounts: [] };
  /** The type of each account in `creates.accounts`, by code: read once per row. */
  private readonly createdAccountTypes = new Map<string, AccountType>();
  /** Every code not in the workspace, whatever the policy: the preview offers to map them. */
  readonly unknown: { departments: string[]; accounts: string[] } = { departments: [], accounts: [] };

  constructor(
    private readonly lookup: Lookup,
    private readonly policy: UnknownCodes,
    private readonly problems: Problems,
    /** Departments the same import creates (a departments file naming its own parents). */
    private readonly extraDepartments: ReadonlySet<string> = new Set(),
    private readonly remembered: RememberedMatches = { department: new Map(), account: new Map() },
  ) {
    if (Array.isArray(policy)) {
      for (const { from, to } of policy) {
        this.mapped.set(from.trim(), to.trim());
        this.mappedByKey.set(normaliseNameKey(from), to.trim());
      }
    }
  }

  private matcher(entity: Entity): (text: string, options?: MatchOptions) => NameMatch {
    let m = this.matchers[entity];
    if (!m) {
      const list = entity === 'department' ? this.lookup.departments.values() : this.lookup.accounts.values();
      m = createNameMatcher([...list].map((x) => ({ code: x.code, name: x.name })));
      this.matchers[entity] = m;
    }
    return m;
  }

  /** Matches confirmed by the user in this import (from the confirmed map), to remember for the source. */
  confirmed(): Array<{ entity: Entity; text: string; code: string }> {
    return this.matches.filter((m) => m.status === 'confirmed' && m.code !== null).map((m) => ({ entity: m.entity, text: m.text, code: m.code! }));
  }

  /**
   * A text that is not a code in the workspace, as a name: the code of an exact match (recorded in
   * `matches`), or undefined to go on by the policy. A confirmed map entry wins over everything;
   * near misses are an error that offers them (once per text).
   */
  private byName(entity: Entity, text: string, ref: string): string | null | undefined {
    const key = `${entity}\u0000${text}`;
    if (this.named.has(key)) return this.named.get(key);
    const found = this.matchByName(entity, text, ref);
    this.named.set(key, found);
    return found;
  }

  private matchByName(entity: Entity, text: string, ref: string): string | null | undefined {
    const exists = (c: string) => (entity === 'department' ? this.lookup.departments.has(c) : this.lookup.accounts.has(c));
    const record = (match: Omit<EntityMatch, 'entity' | 'text' | 'ref'>) => this.matches.push({ entity, text, ref, ...match });
    const confirmed = this.mapped.get(text) ?? this.mappedByKey.get(normaliseNameKey(text));
    if (confirmed !== undefined) {
      if (!exists(confirmed)) return undefined;
      this.once(`match ${entity} ${text}`, () => record({ status: 'confirmed', code: confirmed, how: 'given', suggestions: [] }));
      return confirmed;
    }
    const match = this.matcher(entity)(text, { remembered: this.remembered[entity] });
    if (match.kind === 'exact') {
      this.once(`match ${entity} ${text}`, () => record({ status: 'exact', code: match.code, how: match.how, suggestions: [] }));
      return match.code;
    }
    if (match.kind === 'suggest') {
      this.once(`match ${entity} ${text}`, () => {
        record({ status: 'suggest', code: null, how: null, suggestions: match.suggestions });
        const named = match.suggestions.map((x) => `${x.code} ${x.name}`);
        const first = match.suggestions[0]!;
        this.problems.error(
          ref,
          `${entity} "${text}" is not ${entity === 'department' ? 'in the org' : 'in the chart of accounts'} — did you mean ${named.slice(0, -1).join(', ')}${named.length > 1 ? ' or ' : ''}${named[named.length - 1]}? ` +
            `Confirm the match (on the command line: --codes "${text}=${first.code}")`,
        );
      });
      return null;
    }
    this.once(`match ${entity} ${text}`, () => record({ status: 'none', code: null, how: null, suggestions: [] }));
    return undefined;
  }

  private once(key: string, fn: () => void): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    fn();
  }

  department(code: string, ref: string): string | null {
    if (this.lookup.departments.has(code) || this.extraDepartments.has(code)) return code;
    const named = this.byName('department', code, ref);
    if (named !== undefined) return named;
    return this.resolve('department', code, ref, (c) => this.lookup.departments.has(c), () => {
      this.creates.departments.push({ code, name: code });
    });
  }

  account(code: string, ref: string, name: string | null): string | null {
    const known = this.lookup.accounts.has(code);
    if (known) return code;
    const named = this.byName('account', code, ref);
    if (named !== undefined) return named;
    return this.resolve('account', code, ref, (c) => this.lookup.accounts.has(c), () => {
      this.creates.accounts.push({ code, name: name ?? `Account ${code}`, type: 'expense' });
      this.createdAccountTypes.set(code, 'expense');
    });
  }

  private resolve(what: 'department' | 'account', code: string, ref: string, exists: (c: string) => boolean, create: () => void): string | null {
    this.once(`unknown ${what} ${code}`, () => (what === 'department' ? this.unknown.departments : this.unknown.accounts).push(code));
    const list = what === 'department' ? 'the org' : 'the chart of accounts';
    if (this.policy === 'create') {
      const key = `create ${what} ${code}`;
      this.once(key, () => {
        create();
        this.problems.warn(
          ref,
          what === 'department'
            ? `department ${code} is not in the org; it will be created at the top level, named "${code}"`
            : `account ${code} is not in the chart of accounts; it will be created as an expense account`,
        );
      });
      return code;
    }
    if (Array.isArray(this.policy)) {
      const to = this.mapped.get(code);
      if (to !== undefined) {
        if (exists(to)) return to;
        this.once(`bad map ${what} ${code}`, () => this.problems.error(ref, `${what} ${code} is mapped to ${to}, which is not in ${list} either`));
        return null;
      }
    }
    this.problems.error(
      ref,
      `${what} ${code} is not in ${list}; add it, create it (--create-missing), or map it to an existing code (--codes "${code}=CODE")`,
    );
    return null;
  }

  /** The type of an account this import creates, if it creates it. */
  createdAccountType(code: string): AccountType | undefined {
    return this.createdAccountTypes.get(code);
  }
}

/**
 * How an account's type reads in a code: "1500" from the file is looked up, so a code mapped or
 * created in this import resolves too.
 */
function accountType(lookup: Lookup, resolver: CodeResolver, code: string): AccountType {
  return lookup.accounts.get(code)?.type ?? resolver.createdAccountType(code) ?? 'expense';
}

export interface FigureCheck {
  kind: 'budget' | 'actuals';
  /** The plan's months, for budgets whose plan is known. */
  months: readonly string[] | null;
  planName: string | null;
  duplicates: 'sum' | 'refuse';
}

/**
 * Checks figures one at a time, in the order they were read, so a file's figures can be checked
 * as they arrive: codes resolved, leaf departments checked, months checked, duplicates summed or
 * refused, debit/credit signed. `records` holds one record per cell, in first-seen order.
 */
export class FigureChecker {
  readonly records: FigureRecord[] = [];
  private summedInto = 0;
  private nettedInto = 0;
  private readonly inYear: ReadonlySet<string> | null;
  private readonly reportedMonth = new Set<string>();
  private readonly reportedParent = new Set<string>();
  private readonly cellKey = cellKeys();
  /** Each cell's record, by position in `records`. */
  private readonly byCell = new CellIndex();
  private lastDepartmentCode: string | undefined;
  private lastDepartment: DepartmentInfo | undefined;

  constructor(
    private readonly resolver: CodeResolver,
    private readonly lookup: Lookup,
    private readonly problems: Problems,
    private readonly check: FigureCheck,
  ) {
    this.inYear = check.months ? new Set(check.months) : null;
  }

  add(f: RawFigure): void {
    const { lookup, resolver, problems, check } = this;
    // Known codes are the rule; only an unknown one needs its cell reference (written on demand).
    const rawDepartment = f.departmentCode ?? '';
    if (this.addKnown(rawDepartment, f.accountCode, f.period, f.amountMinor, f.debitCredit, f.source, f.note)) return;
    const known = this.lastDepartment;
    const departmentCode = known ? rawDepartment : resolver.department(rawDepartment, f.departmentRef);
    const accountCode = lookup.accounts.has(f.accountCode) ? f.accountCode : resolver.account(f.accountCode, f.accountRef, f.accountName);
    if (departmentCode === null || accountCode === null) return;
    const department = known ?? lookup.departments.get(departmentCode);
    if (department && department.children > 0) {
      if (!this.reportedParent.has(departmentCode)) {
        this.reportedParent.add(departmentCode);
        problems.error(f.departmentRef, figuresOnParentProblem(departmentCode, department.name));
      }
      return;
    }
    if (this.inYear && !this.inYear.has(f.period)) {
      const periodRef = f.periodRef;
      const key = `${periodRef}\u0000${f.period}`;
      if (!this.reportedMonth.has(key)) {
        this.reportedMonth.add(key);
        const months = check.months!;
        problems.error(
          periodRef,
          `${periodLabel(f.period)} is outside ${check.planName ?? 'the plan'}, which runs from ${periodLabel(months[0]!)} to ${periodLabel(months[months.length - 1]!)}`,
        );
      }
      return;
    }
    this.place(departmentCode, accountCode, f.period, this.signed(accountCode, f.amountMinor, f.debitCredit), f.source, f.debitCredit, f.note);
  }

  /**
   * add() for a figure known by its fields alone, when nothing about it needs a reference to its
   * cells: a known department without sub-departments, a known account, a month in the plan. False
   * (and nothing done) otherwise: the whole figure goes to add().
   */
  addKnown(departmentCode: string, accountCode: string, period: string, amountMinor: number, debitCredit: boolean, source: string, note?: string): boolean {
    // Figures come grouped by department: the last one looked up is remembered.
    if (departmentCode !== this.lastDepartmentCode) {
      this.lastDepartmentCode = departmentCode;
      this.lastDepartment = this.lookup.departments.get(departmentCode);
    }
    const department = this.lastDepartment;
    if (department === undefined || department.children > 0 || !this.lookup.accounts.has(accountCode)) return false;
    if (this.inYear && !this.inYear.has(period)) return false;
    this.place(departmentCode, accountCode, period, this.signed(accountCode, amountMinor, debitCredit), source, debitCredit, note);
    return true;
  }

  /** How many times a record was changed after it was made: a later duplicate summed into it. */
  get summed(): number {
    return this.summedInto;
  }

  /** Of those, ledger lines (debit/credit columns) netted into their month: ordinary bookkeeping, not duplicates. */
  get netted(): number {
    return this.nettedInto;
  }

  /** A debit/credit amount is debit − credit; a revenue account reads credit − debit. */
  private signed(accountCode: string, amountMinor: number, debitCredit: boolean): number {
    return debitCredit && accountType(this.lookup, this.resolver, accountCode) === 'revenue' ? -amountMinor : amountMinor;
  }

  /**
   * A checked figure into its cell's record: a new record, or a duplicate summed or refused. Lines
   * of a ledger (debit and credit columns) are many per account and month by nature: they are
   * netted into the month's figure without a warning each (the preview counts them once).
   */
  private place(departmentCode: string, accountCode: string, period: string, amountMinor: number, source: string, ledger: boolean, note?: string): void {
    const key = this.cellKey(departmentCode, accountCode, period);
    const at = this.byCell.get(key);
    if (at === undefined) {
      this.byCell.add(key, this.records.length);
      this.records.push(note === undefined ? { departmentCode, accountCode, period, amountMinor, source } : { departmentCode, accountCode, period, amountMinor, source, note });
      return;
    }
    const earlier = this.records[at]!;
    // Rows summed into one cell keep every note.
    if (note !== undefined && earlier.note !== note) earlier.note = earlier.note === undefined ? note : `${earlier.note}\n${note}`.slice(0, 2000);
    if (ledger) {
      earlier.amountMinor += amountMinor;
      this.summedInto++;
      this.nettedInto++;
      return;
    }
    const what = `${departmentCode} · ${accountCode} · ${periodLabel(period)}`;
    const earlierCell = earlier.source.split('!').pop();
    if (this.check.duplicates === 'refuse') {
      this.problems.error(source, `a second value for ${what} (first at ${earlierCell}); duplicates are refused`);
    } else {
      earlier.amountMinor += amountMinor;
      this.summedInto++;
      this.problems.warn(source, `a second value for ${what} (first at ${earlierCell}); the two are summed`);
    }
  }
}

/** Codes resolved, leaf departments checked, months checked, duplicates summed or refused, debit/credit signed. */
export function checkFigures(raw: readonly RawFigure[], resolver: CodeResolver, lookup: Lookup, problems: Problems, check: FigureCheck): FigureRecord[] {
  const checker = new FigureChecker(resolver, lookup, problems, check);
  for (const f of raw) checker.add(f);
  return checker.records;
}

export function checkDepartments(raw: readonly RawDepartment[], lookup: Lookup, problems: Problems): DepartmentRecord[] {
  const byCode = new Map<string, RawDepartment>();
  for (const d of raw) {
    const earlier = byCode.get(d.code);
    if (earlier) {
      problems.error(d.source, `department ${d.code} appears twice (first at ${earlier.source.split('!').pop()})`);
      continue;
    }
    byCode.set(d.code, d);
  }
  // The tree after the import: parents from the file where given, else the workspace's.
  const parentOf = new Map<string, string | null>();
  for (const d of lookup.departments.values()) parentOf.set(d.code, d.parentId ? (lookup.departmentsById.get(d.parentId)?.code ?? null) : null);
  const records: DepartmentRecord[] = [];
  for (const d of byCode.values()) {
    if (d.parentCode !== null && !byCode.has(d.parentCode) && !lookup.departments.has(d.parentCode)) {
      problems.error(d.parentRef, `parent department ${d.parentCode} is neither in the file nor in the org`);
      continue;
    }
    if (d.parentCode === d.code) {
      problems.error(d.parentRef, `department ${d.code} cannot be its own parent`);
      continue;
    }
    parentOf.set(d.code, d.parentCode);
    records.push({ code: d.code, name: d.name, parentCode: d.parentCode, manager: d.manager, source: d.source });
  }
  // The tree after the import, walked once (a file may hold a chain thousands deep): a circle, or
  // a department deeper than the org chart may go, is refused at the row that makes it.
  const { level, cycle } = treeLevels(parentOf);
  if (cycle) {
    const on = new Set(cycle);
    const first = records.find((r) => on.has(r.code));
    if (first) {
      problems.error(byCode.get(first.code)!.parentRef, `department ${first.code} would end up under itself (${circleInWords(cycle, first.code)})`);
    }
  }
  for (const [code, l] of level) {
    // Only where the limit is crossed: the rows below it are refused with it.
    if (l !== maxDepartmentLevels + 1) continue;
    const row = byCode.get(code);
    if (row) {
      problems.error(row.parentRef, departmentLevelProblem(code, l)!);
      continue;
    }
    // A department of the org pushed down by a row that moves one of its ancestors.
    let up = parentOf.get(code) ?? null;
    while (up !== null && !byCode.has(up)) up = parentOf.get(up) ?? null;
    if (up !== null) problems.error(byCode.get(up)!.parentRef, `moving ${up} there: ${departmentLevelProblem(code, l)!}`);
  }
  for (const r of records) {
    const parent = r.parentCode === null ? undefined : lookup.departments.get(r.parentCode);
    const existing = lookup.departments.get(r.code);
    const currentParent = existing?.parentId ? lookup.departmentsById.get(existing.parentId)?.code : undefined;
    if (parent && parent.figures > 0 && parent.children === 0 && currentParent !== parent.code) {
      problems.error(
        byCode.get(r.code)!.parentRef,
        `department ${parent.code} ${parent.name} holds budget lines or actuals, so it cannot take sub-departments; figures live only on departments without sub-departments`,
      );
    }
  }
  return records;
}

export function checkAccounts(raw: readonly RawAccount[], lookup: Lookup, problems: Problems): AccountRecord[] {
  const seen = new Map<string, string>();
  const records: AccountRecord[] = [];
  for (const a of raw) {
    const earlier = seen.get(a.code);
    if (earlier !== undefined) {
      problems.error(a.source, `account ${a.code} appears twice (first at ${earlier.split('!').pop()})`);
      continue;
    }
    seen.set(a.code, a.source);
    const existing = lookup.accounts.get(a.code);
    const type = a.type ?? existing?.type ?? null;
    if (type === null) {
      problems.error(a.typeRef, `account ${a.code} is new and has no type (revenue, expense or capex)`);
      continue;
    }
    const name = a.name ?? existing?.name ?? null;
    if (name === null) {
      problems.error(a.source, `account ${a.code} is new and has no name`);
      continue;
    }
    records.push({ code: a.code, name, type, active: a.active ?? existing?.active ?? true, source: a.source });
  }
  return records;
}

export function checkPeople(raw: readonly RawPerson[], resolver: CodeResolver, problems: Problems): PersonRecord[] {
  const seen = new Map<string, string>();
  const records: PersonRecord[] = [];
  for (const p of raw) {
    const departmentCode = resolver.department(p.departmentCode, p.departmentRef);
    if (departmentCode === null) continue;
    const key = personKey(departmentCode, p.name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.error(p.source, `${p.name} appears twice in department ${departmentCode} (first at ${earlier.split('!').pop()}); people are matched by name and department`);
      continue;
    }
    seen.set(key, p.source);
    records.push({
      name: p.name,
      title: p.title,
      departmentCode,
      fte: p.fte,
      annualSalaryMinor: p.annualSalaryMinor,
      startDate: p.startDate,
      endDate: p.endDate,
      status: p.status,
      source: p.source,
    });
  }
  return records;
}
