/** @jsxRuntime automatic */
/**
 * The board pack: options resolved to a period, a plan and a list of sections; every figure read
 * inside one read transaction (D9) through the screens' query layer; then laid out with
 * @react-pdf/renderer in plain Node — once, the contents' page numbers filled in by that same
 * layout (before it, a section that draws by its own pages is laid out alone to learn them). The same workspace state and options give the same
 * bytes: the PDF's dates come from the prepared date, never from the clock.
 */
import { createHash } from 'node:crypto';
import { Document, renderToBuffer } from '@react-pdf/renderer';
import { Fragment } from 'react';
import {
  reportOptionsSchema,
  reportSectionIds,
  reportSectionTitles,
  type PaperSize,
  type RenderedReport,
  type ReportOptions,
} from '../../../shared/report';
import { AppError } from '../../../shared/result';
import { requirePlan, type PlanRow } from '../budget/budget-queries';
import type { Ctx } from '../context';
import { readTransaction } from '../db/transactions';
import { getSettings } from '../workspace/workspace-service';
import { PackReader, type PackScope, type RenderEnv } from './pack';
import { loadFonts, PageLedger } from './pdf/kit';
import { defaultPeriod, defaultPlan, getReportSettings, lastChangeDay, slugOf } from './report-settings';
import { resolvePeriod } from './report-period';
import { Cover } from './sections/front';
import { sectionsFor } from './sections/index';

const pageSize: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};
const MARGINS = 88;
/** A page's top and bottom padding (kit's styles.page), which hold the running header and footer. */
const PAGE_PADDING_Y = 58 + 52;

function parseOptions(input: ReportOptions) {
  const parsed = reportOptionsSchema.strict().safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_input', issue ? `${issue.path.join('.') || 'options'}: ${issue.message}` : 'The report options are not valid.');
  }
  return parsed.data;
}


function choosePlan(ctx: Ctx, planId: string | undefined, period: ReturnType<typeof resolvePeriod>): PlanRow {
  if (planId === undefined) return defaultPlan(ctx, period);
  const plan = requirePlan(ctx, planId);
  if (plan.fiscalYear !== period.fiscalYear) {
    throw new AppError('invalid_input', `${plan.name} is a plan for FY${plan.fiscalYear}, but ${period.label} falls in FY${period.fiscalYear}.`);
  }
  return plan;
}

export function packFileName(scope: Pick<PackScope, 'company' | 'period'>): string {
  const company = slugOf(scope.company);
  return `board-report-${scope.period.key.toLowerCase()}${company ? `-${company}` : ''}.pdf`;
}

export interface LoadedPack {
  scope: PackScope;
  sections: ReturnType<typeof sectionsFor>;
  data: unknown[];
  fingerprint: string;
}

/** Everything the pack prints, read in one transaction: a concurrent write can never make two sections disagree. */
export function loadPack(ctx: Ctx, input: ReportOptions): LoadedPack {
  const options = parseOptions(input);
  // DEFERRED: one read snapshot from the first SELECT to the last.
  return readTransaction(ctx.db, (): LoadedPack => {
    const settings = getSettings(ctx);
    const periodKey = options.period ?? defaultPeriod(ctx);
    if (periodKey === null) throw new AppError('not_found', 'There is nothing to report yet: the workspace has no plans and no actuals.');
    const period = resolvePeriod(periodKey, settings.fiscalYearStartMonth);
    const plan = choosePlan(ctx, options.planId, period);
    const scope: PackScope = {
      company: settings.name,
      currency: settings.currency,
      fileName: ctx.fileName,
      period,
      plan,
      paper: options.paper ?? 'a4',
      preparedOn: options.preparedOn ?? lastChangeDay(ctx),
      ...getReportSettings(ctx),
      locale: settings.locale,
    };
    const sections = sectionsFor(options.sections ?? reportSectionIds);
    const reader = new PackReader(ctx, scope);
    const data = sections.map((s) => s.load(reader));
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ company: scope.company, currency: scope.currency, period: period.key, plan, sections: sections.map((s) => s.id), data }))
      .digest('hex');
    return { scope, sections, data, fingerprint };
  });
}

function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

export async function renderBoardPack(ctx: Ctx, input: ReportOptions): Promise<RenderedReport> {
  const started = performance.now();
  const pack = loadPack(ctx, input);
  await loadFonts();
  const { scope } = pack;
  const size = pageSize[scope.paper];
  const env: RenderEnv = {
    scope,
    frame: { company: scope.company, title: 'Board report', periodLabel: scope.period.label, confidentiality: scope.confidentiality },
    ledger: new PageLedger(),
    fingerprint: pack.fingerprint,
    width: { portrait: size.width - MARGINS, landscape: size.height - MARGINS },
    landscapeHeight: size.width - PAGE_PADDING_Y,
    previous: new PageLedger(),
    choices: new Map(),
  };
  const entries = pack.sections.map((s) => ({ id: s.id, title: reportSectionTitles[s.id] }));
  const at = new Date(`${scope.preparedOn}T00:00:00Z`);
  // Each section's element tree (cheap: a section chooses what to draw here); laying it out is the cost.
  const drawSections = () => {
    env.choices = new Map();
    return pack.sections.map((s, i) => {
      const before = env.choices.size;
      const element = s.render(pack.data[i], env);
      return { id: s.id, element, chooses: env.choices.size > before };
    });
  };
  const document = (drawn: ReturnType<typeof drawSections>) => (
    <Document
      title={`${scope.company} — Board report, ${scope.period.label}`}
      author={scope.preparedBy || scope.company}
      subject={`${scope.plan.name}; ${scope.period.label}`}
      creator="Quartermaster"
      producer="Quartermaster"
      creationDate={at}
      modificationDate={at}
      language="en"
    >
      <Cover scope={scope} entries={entries} pages={env.ledger} />
      {drawn.map((d) => (
        <Fragment key={d.id}>{d.element}</Fragment>
      ))}
    </Document>
  );
  let drawn = drawSections();
  const choosers = drawn.filter((d) => d.chooses);
  if (choosers.length > 0) {
    // A section that draws by where its own pages fall (the variance chart moved to a page of its
    // own fills it) learns them from a layout of the choosing sections alone: each starts on a page
    // of its own, so the pages within it do not depend on what comes before. Cheaper than laying
    // out the whole pack twice.
    await renderToBuffer(
      <Document>
        {choosers.map((d) => (
          <Fragment key={d.id}>{d.element}</Fragment>
        ))}
      </Document>,
    );
    env.previous = env.ledger;
    env.ledger = new PageLedger();
    drawn = drawSections();
  }
  // One layout of the whole pack prints the contents too: the cover reads the ledger after every page is split.
  const pdf = await renderToBuffer(document(drawn));
  const { ledger } = env;
  return {
    fileName: packFileName(scope),
    base64: pdf.toString('base64'),
    pages: countPages(pdf),
    sections: [
      { id: 'cover', title: 'Cover and contents', page: 1 },
      ...entries.map((e) => ({ id: e.id, title: e.title, page: ledger.pageOf(e.id) ?? 0 })),
    ],
    period: scope.period.key,
    periodLabel: scope.period.label,
    planId: scope.plan.id,
    ms: Math.round(performance.now() - started),
  };
}
