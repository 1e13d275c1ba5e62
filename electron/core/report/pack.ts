/**
 * What every section of the board pack is given and must provide. A section declares the data it
 * needs as a `load` function over the pack's reader (which reads through the screens' query layer
 * and remembers what it read, so two sections asking for the same figures share one read), and
 * draws its pages from that data alone. board-pack.tsx runs every `load` inside one read
 * transaction, then renders. Later sections (KPIs, risks, continuity) are added to the list in
 * sections/index.ts.
 */
import type { ReactElement } from 'react';
import type { Department, Person } from '../../../shared/org';
import type { PaperSize, ReportSectionId } from '../../../shared/report';
import { lastActualPeriod, type PlanRow } from '../budget/budget-queries';
import type { Ctx } from '../context';
import { listDepartments } from '../org/department-service';
import { listPeople } from '../org/people-service';
import { departmentFigures, rangesOf, type DepartmentFigures, type PackDepartments, type Ranges } from './pack-figures';
import type { PageLedger, FrameInfo } from './pdf/kit';
import type { ReportPeriod } from './report-period';

export interface PackScope {
  company: string;
  currency: string;
  fileName: string;
  period: ReportPeriod;
  plan: PlanRow;
  paper: PaperSize;
  /** YYYY-MM-DD. */
  preparedOn: string;
  preparedBy: string;
  confidentiality: string;
  /** The workspace's locale: how the pack prints dates (shared/date-format.ts). */
  locale: string;
}

/** Reads shared by several sections, each done once per pack. */
export class PackReader {
  private readonly memo = new Map<string, unknown>();
  readonly ranges: Ranges;

  constructor(
    readonly ctx: Ctx,
    readonly scope: PackScope,
  ) {
    const first = scope.period.yearMonths[0]!;
    this.ranges = rangesOf(scope.period, lastActualPeriod(ctx, first, scope.period.through));
  }

  private once<T>(key: string, read: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, read());
    return this.memo.get(key) as T;
  }

  tree(): Department[] {
    return this.once('tree', () => listDepartments(this.ctx));
  }

  people(): Person[] {
    return this.once('people', () => listPeople(this.ctx, null));
  }

  departments(): PackDepartments {
    return this.once('departments', () => departmentFigures(this.ctx, this.scope.plan.id, this.ranges, this.tree()));
  }

  company(): Pick<DepartmentFigures, 'spend' | 'revenue'> {
    return this.departments().company;
  }

  /** The last month with any actual in the year to date, or null when none has been recorded yet. */
  actualsThrough(): string | null {
    return this.ranges.booked?.to ?? null;
  }

  /** The last day of the reported period: headcount is counted on it. */
  periodEnd(): string {
    const [y, m] = this.scope.period.through.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
}

export interface RenderEnv {
  scope: PackScope;
  frame: FrameInfo;
  ledger: PageLedger;
  /** SHA-256 over everything the sections read (hex): two packs with the same figures share it. */
  fingerprint: string;
  /** Width of the text block on a portrait and on a landscape page, in points. */
  width: { portrait: number; landscape: number };
  /** Height of the text block (inside the running header and footer) on a landscape page, in points. */
  landscapeHeight: number;
  /**
   * The pages recorded by a first layout of the sections that record a choice (empty on that
   * layout), numbered within it: compare pages inside your own section only. A section that learns
   * it landed alone on a page may lay that page out to fill it, without moving anything after it.
   */
  previous: PageLedger;
  /**
   * What a section chose from `previous`, by name (e.g. how tall the variance chart's rows are
   * drawn). A section that reads `previous` must record here what it chose: only those sections
   * are laid out first, the whole pack once after.
   */
  choices: Map<string, string | number | boolean | undefined>;
}

export interface PackSection<D> {
  id: ReportSectionId;
  title: string;
  load(reader: PackReader): D;
  render(data: D, env: RenderEnv): ReactElement;
}

/** Lets a list hold sections of different data types while each keeps its own pairing of load and render. */
export function section<D>(s: PackSection<D>): PackSection<unknown> {
  return s as PackSection<unknown>;
}
