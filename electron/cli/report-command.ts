/**
 * `report`: the board pack as a PDF. Without options: the latest month with actuals, the approved
 * plan of its fiscal year, every section, A4, prepared on the day of the workspace's last change —
 * so the same command on the same workspace writes the same bytes.
 */
import { paperSizes, reportPeriodSchema, reportSectionIds, type ReportOptions, type ReportSectionId } from '../../shared/report';
import { renderBoardPack } from '../core/report/board-pack';
import { openSession } from '../core/session';
import { dateFlag, exitOk, onePositional, parseCommandArgs, planByName, UsageError, writeAtomically, type CliIo } from './cli-io';

function sectionsFlag(value: string): ReportSectionId[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const id of ids) {
    if (!(reportSectionIds as readonly string[]).includes(id)) {
      throw new UsageError(`--sections takes a comma-separated list of ${reportSectionIds.join(', ')} (not "${id}")`);
    }
  }
  if (ids.length === 0) throw new UsageError(`--sections needs at least one of ${reportSectionIds.join(', ')}`);
  return ids as ReportSectionId[];
}

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    period: { type: 'string' },
    plan: { type: 'string' },
    sections: { type: 'string' },
    paper: { type: 'string' },
    'prepared-on': { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = onePositional(positionals, 'workspace file (report <file.sqlite> --out board.pdf)');
  if (!values.out) throw new UsageError('--out needs the PDF file to write, e.g. --out board.pdf');
  const options: ReportOptions = {};
  if (values.period !== undefined) {
    const parsed = reportPeriodSchema.safeParse(values.period);
    if (!parsed.success) throw new UsageError(`--period must be a month (2026-09), a quarter (2026-Q3) or a fiscal year (FY2026), not "${values.period}"`);
    options.period = parsed.data;
  }
  if (values.paper !== undefined) {
    const paper = values.paper.toLowerCase();
    if (!(paperSizes as readonly string[]).includes(paper)) throw new UsageError(`--paper must be a4 or letter, not "${values.paper}"`);
    options.paper = paper as (typeof paperSizes)[number];
  }
  if (values.sections !== undefined) options.sections = sectionsFlag(values.sections);
  if (values['prepared-on'] !== undefined) options.preparedOn = dateFlag(values['prepared-on'], '--prepared-on');

  const session = openSession(file, { origin: 'cli' });
  try {
    if (values.plan !== undefined) options.planId = planByName(session.ctx, values.plan).id;
    const report = await renderBoardPack(session.ctx, options);
    const bytes = Buffer.from(report.base64, 'base64');
    writeAtomically(values.out, bytes);
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            file: values.out,
            bytes: bytes.length,
            pages: report.pages,
            period: report.period,
            periodLabel: report.periodLabel,
            planId: report.planId,
            sections: report.sections,
            ms: report.ms,
          },
          null,
          2,
        ),
      );
    } else {
      io.err(`wrote ${values.out}: ${report.pages} pages, ${report.periodLabel} (${report.ms} ms)`);
    }
    return exitOk;
  } finally {
    session.close();
  }
}
