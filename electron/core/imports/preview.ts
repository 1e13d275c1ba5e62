/**
 * planImport: everything from a read workbook to the plan shown before anything is written —
 * sheets and their header rows, the kind, the mapping and how each field was found, every
 * problem by cell, the records to write, the plan they go to, and the diff against the workspace.
 * It reads the workspace and never writes it.
 *
 * `identical` means committing would change nothing: no cell or record would be added, changed
 * or removed. The same file imported twice is identical by that rule, and the plan says which
 * batch it matches (`sameFileAs`). A file with the same hash as an earlier batch but whose cells
 * were edited since is not identical: importing it again puts the file's values back, and the
 * diff shows exactly which.
 */
import { sql } from 'drizzle-orm';
import {
  batchLabel,
  importOptionsSchema,
  type ColumnMapping,
  type FigureRecord,
  type ImportKind,
  type ImportOptions,
  type ImportPlan,
  type ImportRecords,
  type MappingChoice,
  type PlanTarget,
  type SheetPlan,
} from '../../../shared/imports';
import { fiscalYearMonths, fiscalYearOf, periodLabel } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import { planName as composePlanName } from '../budget/plan-service';
import type { Ctx } from '../context';
import { getSettings } from '../workspace/workspace-service';
import { departmentFromSheet, findHeaderRow, HEADER_SEARCH_ROWS, planFromTitle, type HeaderDetection } from './detect';
import { normalizeHeader } from './headers';
import { diffEntities, FigureDiffer, figuresIdentical, planFigures } from './diff';
import { readAccounts, readDepartments, readPeople, type RawAccount, type RawDepartment, type RawPerson } from './entities';
import { figureReader, isWideLayout, type FigureReader, type FigureSink, type RawFigure } from './figures';
import { LongRowScanner, type LongRowBlock, type LongRowSpec } from './long-rows';
import { loadLookup, type Lookup } from './lookup';
import { columnSamples, rememberedMapping, sourceKey, suggestMapping } from './mapping';
import type { CellValue, SheetData, WorkbookData } from './model';
import { Problems } from './problems';
import { checkAccounts, checkDepartments, checkPeople, CodeResolver, FigureChecker, type RememberedMatches } from './validate';
import { recallMatches } from './entity-matches';
import { spreadFigures } from './spread-figures';
import { describeSignConvention, detectSignConvention, toWorkspaceSign, type SignConvention } from './conventions';
import type { AccountType } from '../../../shared/budget';

interface Included {
  sheet: SheetData;
  plan: SheetPlan;
  detection: HeaderDetection;
  department: { code: string; ref: string } | null;
}

function hintOf(workbook: WorkbookData, sheet: SheetData): string {
  return `${workbook.fileName} ${sheet.name}`;
}

/** The kind most sheets' headers describe; on a tie, the first sheet's. */
function majorityKind(detections: readonly HeaderDetection[]): ImportKind | null {
  const counts = new Map<ImportKind, number>();
  for (const d of detections) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  let best: ImportKind | null = null;
  let bestCount = 0;
  for (const d of detections) {
    const n = counts.get(d.kind)!;
    if (n > bestCount) {
      best = d.kind;
      bestCount = n;
    }
  }
  return best;
}

function emptySheetPlan(sheet: SheetData, reason: string): SheetPlan {
  return {
    name: sheet.name,
    included: false,
    skippedReason: reason,
    headerRow: null,
    kind: null,
    layout: null,
    departmentCode: null,
    departmentFrom: 'none',
    mapping: [],
    dataRows: 0,
    skippedRows: 0,
  };
}

const planNamePattern = /^FY\s*(\d{4})\s*(?:[·•\-–—:|/]\s*|\s+)(.+)$/i;

interface TargetChoice {
  target: PlanTarget | null;
  candidates: string[];
  notes: string[];
}

interface PlanRowLite {
  id: string;
  name: string;
  fiscalYear: number;
  scenario: string;
  status: 'draft' | 'approved' | 'locked';
}

function plansOf(ctx: Ctx): PlanRowLite[] {
  return ctx.db.$client.prepare('SELECT id, name, fiscal_year AS fiscalYear, scenario, status FROM plans ORDER BY fiscal_year, scenario').all() as PlanRowLite[];
}

/** The plan a budget goes to: the one named, or the only draft plan for the fiscal year of the file's months. */
function chooseTarget(ctx: Ctx, options: ImportOptions, figures: readonly RawFigure[], fiscalStartMonth: number, problems: Problems): TargetChoice {
  const plans = plansOf(ctx);
  const notes: string[] = [];
  const asTarget = (p: PlanRowLite): PlanTarget => ({
    planId: p.id,
    planName: p.name,
    fiscalYear: p.fiscalYear,
    scenario: p.scenario,
    create: false,
    status: p.status,
    months: fiscalYearMonths(p.fiscalYear, fiscalStartMonth),
  });
  const usable = (p: PlanRowLite): PlanTarget | null => {
    if (p.status === 'locked') {
      problems.error(problems.ref(), `${p.name} is locked; copy it into a new scenario to import into it`);
      return null;
    }
    if (p.status === 'approved') {
      if (options.intoApproved) notes.push(`${p.name} is approved; the import changes the approved plan, as confirmed.`);
      else {
        problems.error(
          problems.ref(),
          `${p.name} is approved: this import would change the approved plan, not create a new one. Confirm it (in the app, "Import into the approved plan"; on the command line, --into-approved), or copy the plan into a new scenario and import there`,
        );
      }
    }
    return asTarget(p);
  };
  if (options.planId !== undefined) {
    const p = plans.find((x) => x.id === options.planId);
    if (!p) {
      problems.error(problems.ref(), 'the chosen plan no longer exists');
      return { target: null, candidates: [], notes };
    }
    return { target: usable(p), candidates: [], notes };
  }
  if (options.planName !== undefined) {
    const wanted = options.planName.trim();
    const p = plans.find((x) => x.name.toLowerCase() === wanted.toLowerCase());
    if (p) return { target: usable(p), candidates: [], notes };
    const m = planNamePattern.exec(wanted);
    if (!m) {
      problems.error(problems.ref(), `there is no plan "${wanted}"; to create one, name it like "FY2027 · Base"`);
      return { target: null, candidates: plans.map((x) => x.name), notes };
    }
    const fiscalYear = Number(m[1]);
    const scenario = m[2]!.trim();
    const clash = plans.find((x) => x.fiscalYear === fiscalYear && x.scenario.toLowerCase() === scenario.toLowerCase());
    if (clash) return { target: usable(clash), candidates: [], notes };
    const name = composePlanName(fiscalYear, scenario);
    notes.push(`${name} does not exist yet; the import creates it as a draft plan.`);
    return {
      target: { planId: null, planName: name, fiscalYear, scenario, create: true, months: fiscalYearMonths(fiscalYear, fiscalStartMonth) },
      candidates: [],
      notes,
    };
  }
  // Per fiscal year: how many figures, and the first cell naming one of its months.
  const byYear = new Map<number, { count: number; first: RawFigure }>();
  let lastPeriod = '';
  let lastYear = 0;
  for (const f of figures) {
    // A quarter or year with no year in its label takes the plan's: it names none here.
    if (f.period === '') continue;
    if (f.period !== lastPeriod) {
      lastPeriod = f.period;
      lastYear = fiscalYearOf(f.period, fiscalStartMonth);
    }
    const at = byYear.get(lastYear);
    if (at) at.count++;
    else byYear.set(lastYear, { count: 1, first: f });
  }
  const years = [...byYear.keys()].sort();
  if (years.length === 0) return { target: null, candidates: [], notes };
  if (years.length > 1) {
    // Named at the first cell of the year with the fewest figures: the likeliest stray.
    const stray = years.reduce((a, b) => (byYear.get(b)!.count < byYear.get(a)!.count ? b : a));
    const parts = years.map((y) => {
      const { count, first } = byYear.get(y)!;
      return `FY${y} (${count === 1 ? '1 amount' : `${count} amounts`}, first ${periodLabel(first.period)} at ${first.periodRef.slice(problems.fileName.length + 1) || problems.fileName})`;
    });
    problems.error(
      byYear.get(stray)!.first.periodRef,
      `the file's months span ${parts.join(' and ')}; a budget goes to one plan — choose the plan (--plan), or correct or remove the FY${stray} months`,
    );
    return { target: null, candidates: plans.filter((p) => p.status === 'draft').map((p) => p.name), notes };
  }
  const fy = years[0]!;
  const drafts = plans.filter((p) => p.fiscalYear === fy && p.status === 'draft');
  if (drafts.length === 1) {
    notes.push(`Going to ${drafts[0]!.name}, the only draft plan for FY${fy}.`);
    return { target: asTarget(drafts[0]!), candidates: [], notes };
  }
  const candidates = drafts.map((p) => p.name);
  // A name that exists is never offered as one that "creates" a plan: an approved or locked plan of
  // the year is named for what it is.
  const others = plans.filter((p) => p.fiscalYear === fy && p.status !== 'draft');
  const taken = new Set(plans.map((p) => p.name.toLowerCase()));
  const fresh = ['Base', 'Revised', 'Import'].map((s) => composePlanName(fy, s)).find((n) => !taken.has(n.toLowerCase())) ?? composePlanName(fy, 'Import 2');
  const existing = others.map((p) =>
    p.status === 'approved' ? `${p.name} is approved (to import into it: --plan "${p.name}" --into-approved)` : `${p.name} is locked`,
  );
  problems.error(
    problems.ref(),
    drafts.length === 0
      ? `there is no draft plan for FY${fy}${existing.length > 0 ? `; ${existing.join('; ')}` : ''}; choose a plan (a new name such as "${fresh}" creates it)`
      : `there are ${drafts.length} draft plans for FY${fy} (${candidates.join(', ')}); choose one`,
  );
  return { target: null, candidates, notes };
}

function sameFileBatch(ctx: Ctx, kind: ImportKind, hash: string, planId: string | null): string | null {
  const row = ctx.db.$client
    .prepare(
      `SELECT seq FROM import_batches WHERE kind = ? AND file_hash = ? AND undone_at IS NULL AND (? IS NULL OR plan_id = ?)
        ORDER BY seq DESC LIMIT 1`,
    )
    .get(kind, hash, planId, planId) as { seq: number } | undefined;
  return row ? batchLabel(row.seq) : null;
}

/** The plan every included sheet's title block names (our templates write it), or null if none or they differ. */
function titledPlan(ctx: Ctx, included: readonly Included[]): string | null {
  const names = plansOf(ctx).map((p) => p.name);
  const found = new Set(included.map((i) => planFromTitle(i.sheet, i.detection.row, names)));
  const [only] = found;
  return found.size === 1 && only !== undefined ? only : null;
}

function rememberable(mapping: readonly ColumnMapping[]): MappingChoice[] {
  return mapping.filter((m) => m.header !== '' && m.field !== 'month' && m.field !== 'quarter' && m.field !== 'total').map((m) => ({ header: m.header, field: m.field }));
}

export function planImport(ctx: Ctx, workbook: WorkbookData, rawOptions: ImportOptions = {}): ImportPlan {
  return startPlan(ctx, workbook, rawOptions).finish();
}

/**
 * A plan in the making, for a workbook whose rows may still be arriving (a CSV streamed from the
 * reader): `startPlan` decides sheets, kind, mapping and departments from the first rows (all it
 * ever looks at for them: the header search's first rows and the title rows above the header);
 * `readAvailable` reads the budget or actuals rows that have arrived since (actuals are checked
 * as they are read; a budget waits for its plan to be chosen); `finish`, once every row is there,
 * does the rest. Started on a whole workbook and finished at once, it is planImport.
 */
export interface PlanSession {
  readAvailable(): void;
  /**
   * How the rows still to come may be read ahead, where they are parsed (long-rows.ts) — for a
   * workbook of one sheet of long budget or actuals rows — or null. Known as soon as the plan starts.
   */
  longRowSpec(): LongRowSpec | null;
  /** Reads rows read ahead by that spec, in order, after every row given so far; the sheet's own rows end where they start. */
  readLongRows(block: LongRowBlock): void;
  finish(): ImportPlan;
}

/** A budget or actuals row once read, when the caller lets rows go (see startPlan's `releaseRows`). */
const releasedRow = Object.freeze([]) as unknown as CellValue[];

/**
 * `releaseRows`: budget and actuals rows below the header are replaced by an empty row once read,
 * so a big file's cells do not outlive their reading (the workbook is the caller's to give up:
 * only the header and title rows stay whole). `scanLongRows`: a long sheet's rows are read as the
 * reader's worker reads them once asked (a LongRowScanner, then readBlock), which costs about half
 * of reading them one by one.
 */
export function startPlan(ctx: Ctx, workbook: WorkbookData, rawOptions: ImportOptions = {}, { releaseRows = false, scanLongRows = false } = {}): PlanSession {
  const parsedOptions = importOptionsSchema.safeParse(rawOptions);
  if (!parsedOptions.success) {
    const issue = parsedOptions.error.issues[0];
    throw new AppError('invalid_input', `Import options: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'not valid'}.`);
  }
  const options = parsedOptions.data;
  const settings = getSettings(ctx);
  const lookup: Lookup = loadLookup(ctx);
  const problems = new Problems(workbook.fileName);
  const decimalComma = options.decimalComma ?? workbook.csv?.decimalComma ?? false;
  const duplicates = options.duplicates ?? 'sum';
  const notes: string[] = [];
  if (workbook.csv) {
    notes.push(
      `Read as ${workbook.csv.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'} text separated by "${workbook.csv.delimiter === '\t' ? 'tab' : workbook.csv.delimiter}", ${decimalComma ? 'with a decimal comma (1.234,50)' : 'with a decimal point (1,234.50)'}.`,
    );
  }

  // Sheets: the chosen ones, or every sheet with a header row.
  const chosen = options.sheets ? new Set(options.sheets) : null;
  if (chosen) {
    for (const name of chosen) {
      if (!workbook.sheets.some((s) => s.name === name)) {
        problems.error(problems.ref(), `there is no sheet "${name}" (the sheets are ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')})`);
      }
    }
  }
  const givenHeaders = new Set((options.mapping ?? []).filter((m) => m.field !== 'ignore').map((m) => normalizeHeader(m.header)));
  const sheetPlans: SheetPlan[] = [];
  const detected: Array<{ sheet: SheetData; detection: HeaderDetection }> = [];
  for (const sheet of workbook.sheets) {
    if (chosen && !chosen.has(sheet.name)) {
      sheetPlans.push(emptySheetPlan(sheet, 'not chosen'));
      continue;
    }
    const detection = findHeaderRow(sheet, options.kind, hintOf(workbook, sheet), givenHeaders);
    if (!detection) {
      const reason = sheet.rows.length === 0 ? 'the sheet is empty' : `no header row found in its first ${HEADER_SEARCH_ROWS} rows (map the columns by hand)`;
      if (chosen) problems.error(problems.ref(sheet.name), reason);
      sheetPlans.push(emptySheetPlan(sheet, reason));
      continue;
    }
    detected.push({ sheet, detection });
  }
  const kind = options.kind ?? majorityKind(detected.map((d) => d.detection));
  if (workbook.sheets.length === 0 || workbook.sheets.every((s) => s.rows.length === 0)) problems.error(problems.ref(), 'the file is empty');
  else if (kind === null) problems.error(problems.ref(), 'no sheet has a header row this importer recognises; choose the kind and map the columns');

  const included: Included[] = [];
  // Sheets with the same headers share a source key: read its remembered mapping once.
  const rememberedByKey = new Map<string, ReturnType<typeof rememberedMapping>>();
  for (const { sheet, detection: first } of detected) {
    let detection = first;
    if (kind !== null && detection.kind !== kind) {
      if (!chosen) {
        sheetPlans.push({ ...emptySheetPlan(sheet, `its headers look like ${detection.kind}, not ${kind}`), headerRow: detection.row, kind: detection.kind });
        continue;
      }
      detection = findHeaderRow(sheet, kind, hintOf(workbook, sheet), givenHeaders) ?? detection;
    }
    const k = kind ?? detection.kind;
    const headers = detection.cells.map((c) => c.header);
    const key = sourceKey(k, headers);
    let remembered = rememberedByKey.get(key);
    if (remembered === undefined) rememberedByKey.set(key, (remembered = rememberedMapping(ctx, key)));
    const mapping = suggestMapping(k, detection.cells, remembered, options.mapping);
    for (const m of mapping) m.samples = columnSamples(sheet.rows, detection.row, m.column, HEADER_SEARCH_ROWS);
    const hasDepartmentColumn = mapping.some((m) => m.field === 'departmentCode');
    let department: Included['department'] = null;
    let departmentFrom: SheetPlan['departmentFrom'] = 'none';
    if (hasDepartmentColumn) departmentFrom = 'column';
    else if (options.departmentCode !== undefined) {
      department = { code: options.departmentCode, ref: problems.ref(sheet.name) };
      departmentFrom = 'given';
    } else if (k === 'budget' || k === 'actuals' || k === 'people') {
      const found = departmentFromSheet(sheet, detection.row, { codes: new Set(lookup.departments.keys()), codeByName: lookup.departmentCodeByName });
      if (found) {
        department = { code: found.code, ref: problems.ref(sheet.name) };
        departmentFrom = found.from;
      }
    }
    const layout: SheetPlan['layout'] = k === 'budget' || k === 'actuals' ? (isWideLayout(k, mapping) ? 'wide' : 'long') : 'table';
    const plan: SheetPlan = {
      name: sheet.name,
      included: true,
      skippedReason: null,
      headerRow: detection.row,
      kind: k,
      layout,
      departmentCode: department?.code ?? null,
      departmentFrom,
      mapping,
      dataRows: 0,
      skippedRows: 0,
    };
    sheetPlans.push(plan);
    included.push({ sheet, plan, detection, department });
  }
  // Sheets in workbook order, whatever order they were decided in.
  sheetPlans.sort((a, b) => workbook.sheets.findIndex((s) => s.name === a.name) - workbook.sheets.findIndex((s) => s.name === b.name));

  const base = {
    fileName: workbook.fileName,
    fileHash: workbook.hash,
    kind,
    format: workbook.format,
    decimalComma,
    duplicates,
    sheets: sheetPlans,
    planCandidates: [] as string[],
    target: null as PlanTarget | null,
    records: null as ImportRecords | null,
    creates: { departments: [], accounts: [] } as ImportPlan['creates'],
    matches: [] as ImportPlan['matches'],
    spreads: [] as ImportPlan['spreads'],
    signs: null as ImportPlan['signs'],
    unknownCodes: { departments: [], accounts: [] } as ImportPlan['unknownCodes'],
    rowsRead: 0,
    figureDiff: null as ImportPlan['figureDiff'],
    entityDiff: null as ImportPlan['entityDiff'],
    identical: false,
    sameFileAs: null as string | null,
    sourceKey: included[0] ? sourceKey(included[0].plan.kind!, included[0].detection.cells.map((c) => c.header)) : null,
    rememberMapping: included[0] ? rememberable(included[0].plan.mapping) : [],
    notes,
  };
  /** Name matches the user confirmed for this source before. */
  const rememberedMatches = (): RememberedMatches =>
    base.sourceKey === null
      ? { department: new Map(), account: new Map() }
      : { department: recallMatches(ctx, base.sourceKey, 'department'), account: recallMatches(ctx, base.sourceKey, 'account') };
  const finishPlan = (): ImportPlan => {
    // Read at the end: a streamed file's hash is known only once all of it is read.
    base.fileHash = workbook.hash;
    // What the reader changed or doubted (a cell cut at Excel's limit, broken text replaced, a stray
    // byte in another encoding), known only once the whole file is read: said with the rest.
    for (const w of workbook.readWarnings ?? []) problems.warn(w.ref, w.message);
    const all = problems.all();
    return { ...base, problems: all, errorCount: problems.errors, warningCount: problems.warnings };
  };
  if (kind === null || included.length === 0) {
    if (kind !== null && !problems.errors) {
      problems.error(problems.ref(), `no sheet has a header row for ${kind} in its first ${HEADER_SEARCH_ROWS} rows; map the columns by hand`);
    }
    return { readAvailable: () => undefined, longRowSpec: () => null, readLongRows: refuseLongRows, finish: finishPlan };
  }

  const common = (i: Included) => ({
    sheet: i.sheet,
    headerRow: i.detection.row,
    mapping: i.plan.mapping,
    fileName: workbook.fileName,
    decimalComma,
    department: i.department,
  });
  const tally = (i: Included, counted: { dataRows: number; skippedRows: number }) => {
    i.plan.dataRows = counted.dataRows;
    i.plan.skippedRows = counted.skippedRows;
    base.rowsRead += counted.dataRows;
  };

  // Budget and actuals rows are read as they arrive, sheet by sheet in order; the problems of
  // checking them are kept apart and listed after the reading's, as a one-pass plan lists them.
  const figureKind = kind === 'budget' || kind === 'actuals' ? kind : null;
  const readers: FigureReader[] = [];
  /** Per included sheet: rows before this one have been released. */
  const released: number[] = [];
  const raw: RawFigure[] = [];
  const checkProblems = new Problems(workbook.fileName);
  // Actuals have no plan months to wait for: each figure is checked as soon as it is read.
  let resolver = figureKind === 'actuals' ? new CodeResolver(lookup, options.unknownCodes ?? 'refuse', checkProblems, undefined, rememberedMatches()) : null;
  let checker = resolver && figureKind === 'actuals' ? new FigureChecker(resolver, lookup, checkProblems, { kind: figureKind, months: null, planName: null, duplicates }) : null;
  // Actuals' records are compared with the workspace as they are made, too; a budget's once its plan is chosen.
  const differ = figureKind === 'actuals' ? new FigureDiffer(ctx, figureKind, null, lookup) : null;
  let diffed = 0;
  const diffSoFar = (): void => {
    if (!differ || !checker) return;
    const { records } = checker;
    while (diffed < records.length) differ.add(records[diffed++]!);
  };
  /** Hands a reader's figures on: checked now (actuals) or once the plan is chosen (budgets). */
  const take = (reader: FigureReader): void => {
    const figures = reader.out.figures;
    if (checker) for (const f of figures) checker.add(f);
    else for (const f of figures) raw.push(f);
    figures.length = 0;
    diffSoFar();
  };
  /** Included sheet k's reader, made when first asked for (in sheet order, as each reads). */
  const readerOf = (k: number): FigureReader => {
    while (readers.length <= k) {
      const i = included[readers.length]!;
      readers.push(
        figureReader(
          {
            ...common(i),
            fiscalStartMonth: settings.fiscalYearStartMonth,
            ...(figureKind ? { kind: figureKind } : {}),
            ...(options.accountCode !== undefined ? { account: { code: options.accountCode, ref: problems.ref(i.sheet.name) } } : {}),
          },
          problems,
        ),
      );
    }
    return readers[k]!;
  };
  const sink: FigureSink = {
    known: (departmentCode, accountCode, period, amountMinor, debitCredit, source) =>
      checker !== null && checker.addKnown(departmentCode, accountCode, period, amountMinor, debitCredit, source),
    figure: (f) => {
      if (checker) checker.add(f);
      else raw.push(f);
    },
  };
  /** Per included sheet, with `scanLongRows`: its scanner, or null for a sheet whose rows are read one by one. */
  const scanners: Array<LongRowScanner | null> = [];
  const scannerOf = (k: number): LongRowScanner | null => {
    if (scanners[k] === undefined) {
      const spec = scanLongRows ? readerOf(k).longRowSpec() : null;
      scanners[k] = spec ? new LongRowScanner(spec) : null;
    }
    return scanners[k];
  };
  /** Reads what has arrived: of the first sheet only while rows may still come, else of every sheet. */
  const readFiguresSoFar = (complete: boolean): void => {
    if (figureKind === null) return;
    for (let k = 0; k < included.length; k++) {
      const i = included[k]!;
      const reader = readerOf(k);
      const end = i.sheet.rows.length;
      const scanner = scannerOf(k);
      const from = reader.nextRow;
      if (scanner && end > from) reader.readBlock(scanner.scan(i.sheet.rows.slice(from, end), from), sink);
      else reader.readTo(end);
      if (releaseRows) {
        const rows = i.sheet.rows;
        for (let r = Math.max(released[k] ?? 0, i.detection.row + 1); r < end; r++) rows[r] = releasedRow;
        released[k] = end;
      }
      take(reader);
      if (!complete) return;
    }
  };

  const finish = (): ImportPlan => {
    if (figureKind !== null) {
      readFiguresSoFar(true);
      for (const reader of readers) reader.finish();
      included.forEach((i, k) => tally(i, readers[k]!.out));
      let months: readonly string[] | null = null;
      if (figureKind === 'budget') {
        const titled = options.planId === undefined && options.planName === undefined ? titledPlan(ctx, included) : null;
        if (titled !== null) notes.push(`Going to ${titled}, the plan the file's title names.`);
        const choice = chooseTarget(ctx, titled === null ? options : { ...options, planName: titled }, raw, settings.fiscalYearStartMonth, problems);
        base.target = choice.target;
        base.planCandidates = choice.candidates;
        notes.push(...choice.notes);
        months = choice.target?.months ?? null;
        resolver = new CodeResolver(lookup, options.unknownCodes ?? 'refuse', checkProblems, undefined, rememberedMatches());
        checker = new FigureChecker(resolver, lookup, checkProblems, { kind: figureKind, months, planName: base.target?.planName ?? null, duplicates });
        const codesOf = resolver;
        const spread = spreadFigures(ctx, raw, base.target, options.spread, settings.fiscalYearStartMonth, lookup, problems, (f) => ({
          department: lookup.departments.has(f.departmentCode ?? '') ? f.departmentCode : codesOf.department(f.departmentCode ?? '', f.departmentRef),
          account: lookup.accounts.has(f.accountCode) ? f.accountCode : codesOf.account(f.accountCode, f.accountRef, f.accountName),
        }));
        base.spreads = spread.spreads;
        if (spread.count > 0) {
          notes.push(`${spread.count === 1 ? '1 quarter or year amount was' : `${spread.count} quarter or year amounts were`} spread to months (see each figure's source for how).`);
        }
        for (const f of spread.figures) checker.add(f);
      }
      problems.append(checkProblems);
      const netted = checker!.netted;
      if (netted > 0) {
        notes.push(`${netted === 1 ? '1 ledger line was' : `${netted} ledger lines were`} netted into the month of an earlier line for the same department and account (debit − credit): a ledger's lines add up to the month's figure.`);
      }
      const rows = checker!.records;
      // A single amount column: its signs checked against the account types (debit/credit columns are signed by type already).
      const signedColumn = included.every((i) => !i.plan.mapping.some((m) => m.field === 'debit' || m.field === 'credit'));
      const flipped = signedColumn ? applySigns(rows, options.signs, lookup, resolver!, problems, base) : false;
      base.creates = resolver!.creates;
      base.unknownCodes = resolver!.unknown;
      base.matches = resolver!.matches;
      base.records = { kind: figureKind, rows };
      if (rows.length === 0 && problems.errors === 0) problems.error(problems.ref(), 'there are no amounts to import under the header row');
      const planId = base.target?.planId ?? null;
      diffSoFar();
      const figures = differ ? differ.finish(rows, checker!.summed > 0 || flipped) : planFigures(ctx, figureKind, planId, rows, lookup);
      base.figureDiff = figures.diff;
      base.identical = rows.length > 0 && figuresIdentical(figures) && base.creates.departments.length + base.creates.accounts.length === 0 && !(base.target?.create ?? false);
      base.sameFileAs = sameFileBatch(ctx, figureKind, workbook.hash, figureKind === 'budget' ? planId : null);
    } else {
      let records: ImportRecords;
      if (kind === 'departments') {
        const raw: RawDepartment[] = [];
        for (const i of included) {
          const out = readDepartments(common(i), problems);
          tally(i, out);
          raw.push(...out.rows);
        }
        records = { kind, rows: checkDepartments(raw, lookup, problems) };
      } else if (kind === 'accounts') {
        const raw: RawAccount[] = [];
        for (const i of included) {
          const out = readAccounts(common(i), problems);
          tally(i, out);
          raw.push(...out.rows);
        }
        records = { kind, rows: checkAccounts(raw, lookup, problems) };
      } else {
        const raw: RawPerson[] = [];
        for (const i of included) {
          const out = readPeople(common(i), problems);
          tally(i, out);
          raw.push(...out.rows);
        }
        const resolver = new CodeResolver(lookup, options.unknownCodes ?? 'refuse', problems, undefined, rememberedMatches());
        records = { kind: 'people', rows: checkPeople(raw, resolver, problems) };
        base.creates = resolver.creates;
        base.unknownCodes = resolver.unknown;
        base.matches = resolver.matches;
      }
      base.records = records;
      if (records.rows.length === 0 && problems.errors === 0) problems.error(problems.ref(), 'there are no rows to import under the header row');
      base.entityDiff = diffEntities(ctx, records, lookup);
      base.identical =
        records.rows.length > 0 && base.entityDiff.created.length === 0 && base.entityDiff.updated.length === 0 && base.creates.departments.length === 0;
      base.sameFileAs = sameFileBatch(ctx, kind, workbook.hash, null);
    }
    if (base.identical) notes.push(base.sameFileAs ? `Same file as import ${base.sameFileAs}: importing it again changes nothing.` : 'Importing this file changes nothing.');
    return finishPlan();
  };
  const longRowSpec = (): LongRowSpec | null => (figureKind === null || included.length !== 1 ? null : readerOf(0).longRowSpec());
  const readLongRows = (block: LongRowBlock): void => {
    const reader = readers[0];
    if (figureKind === null || included.length !== 1 || !reader) refuseLongRows();
    reader.readBlock(block, sink);
    diffSoFar();
  };
  return { readAvailable: () => readFiguresSoFar(false), longRowSpec, readLongRows, finish };
}

/**
 * The sign convention of a single amount column (imports/conventions.ts): detected from the
 * amounts of revenue and spend accounts; applied when the user chose one; refused, naming the
 * flag, when the file does not read as the workspace stores amounts and no choice was made.
 * True when amounts were changed.
 */
function applySigns(
  rows: FigureRecord[],
  choice: ImportOptions['signs'],
  lookup: Lookup,
  resolver: CodeResolver,
  problems: Problems,
  base: { signs: ImportPlan['signs']; notes: string[] },
): boolean {
  const typeOf = (code: string): AccountType => lookup.accounts.get(code)?.type ?? resolver.createdAccountType(code) ?? 'expense';
  const detection = detectSignConvention(rows.map((r) => ({ type: typeOf(r.accountCode), amountMinor: r.amountMinor })));
  const applied: SignConvention | null = choice === undefined ? null : choice === 'debit-positive' ? 'credits-negative' : choice;
  base.signs = {
    detected: detection.convention,
    confidence: detection.confidence,
    reason: detection.reason,
    applied,
    description: describeSignConvention(applied ?? detection.convention ?? 'as-stored'),
  };
  if (applied === null) {
    // Mostly positive revenue and spend is how the workspace stores them (a negative is a refund or a
    // correction); what reads otherwise — revenue or spend mostly negative — waits for the user's word.
    if (detection.convention === 'as-stored') {
      base.notes.push(`Signs: ${describeSignConvention('as-stored')}, as the workspace stores them (${detection.reason}).`);
      return false;
    }
    if (detection.confidence === 'none' && detection.convention === null && detection.evidence.revenueNegative + detection.evidence.expenseNegative === 0) return false;
    const read = detection.convention === null ? 'unclear' : `like ${describeSignConvention(detection.convention)}`;
    problems.error(
      problems.ref(),
      `the amounts' signs read ${read}${detection.confidence === 'low' ? ', but not clearly' : ''} (${detection.reason}); say how the file writes them: --signs ${detection.convention ?? 'credits-negative'} (or as-stored, credits-negative, expenses-negative)`,
    );
    return false;
  }
  base.notes.push(`Signs: ${describeSignConvention(applied)}, as chosen; stored with revenue and spend both positive.`);
  if (applied === 'as-stored') return false;
  let changed = false;
  for (const r of rows) {
    const signed = toWorkspaceSign(r.amountMinor, typeOf(r.accountCode), applied);
    if (signed !== r.amountMinor) {
      r.amountMinor = signed;
      changed = true;
    }
  }
  return changed;
}

function refuseLongRows(): never {
  throw new Error('this plan reads no rows ahead');
}

/** Used by tests and the CLI: the number of the next batch, as shown to users. */
export function nextBatchSeq(ctx: Ctx): number {
  const row = ctx.db.get<{ max: number | null }>(sql`SELECT max(seq) AS max FROM import_batches`);
  return (row?.max ?? 0) + 1;
}
