/**
 * `continuity`: the go-bag PDF — recovery plans printed for the day the systems are down. Without
 * options: every plan, A4, as at the day of the workspace's last change (the same workspace gives
 * the same bytes). --process, --tier and --plan narrow it; --paper phone prints a narrow page that
 * reads on a phone.
 */
import { goBagPapers, type GoBagInput } from '../../shared/go-bag';
import { continuityOverview, listPlans } from '../core/continuity/views';
import { renderGoBag } from '../core/report/go-bag/go-bag';
import { openSession } from '../core/session';
import type { Ctx } from '../core/context';
import { byName, dateFlag, exitOk, onePositional, parseCommandArgs, UsageError, writeAtomically, type CliIo } from './cli-io';

function resolveNames(ctx: Ctx, names: { process?: string | undefined; plan?: string | undefined }, input: GoBagInput): void {
  if (names.process !== undefined) input.processId = byName(continuityOverview(ctx).processes, names.process, 'process', 'Processes').id;
  if (names.plan !== undefined) input.planId = byName(listPlans(ctx), names.plan, 'plan', 'Plans').id;
}

export async function runContinuity(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    process: { type: 'string' },
    tier: { type: 'string' },
    plan: { type: 'string' },
    paper: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = onePositional(positionals, 'workspace file (continuity <file.sqlite> --out plans.pdf)');
  if (!values.out) throw new UsageError('--out needs the PDF file to write, e.g. --out plans.pdf');
  if (values.process !== undefined && values.tier !== undefined) throw new UsageError('give --process or --tier, not both');
  const input: GoBagInput = {};
  if (values.tier !== undefined) {
    if (!/^[1-4]$/.test(values.tier)) throw new UsageError(`--tier must be 1, 2, 3 or 4, not "${values.tier}"`);
    input.tier = Number(values.tier);
  }
  if (values.paper !== undefined) {
    const paper = values.paper.toLowerCase();
    if (!(goBagPapers as readonly string[]).includes(paper)) throw new UsageError(`--paper must be a4, letter or phone, not "${values.paper}"`);
    input.paper = paper as (typeof goBagPapers)[number];
  }
  if (values['as-of'] !== undefined) input.asOf = dateFlag(values['as-of'], '--as-of');

  const session = openSession(file, { origin: 'cli' });
  try {
    resolveNames(session.ctx, { process: values.process, plan: values.plan }, input);
    const bag = await renderGoBag(session.ctx, input);
    const bytes = Buffer.from(bag.base64, 'base64');
    writeAtomically(values.out, bytes);
    if (values.json) {
      io.out(JSON.stringify({ file: values.out, bytes: bytes.length, pages: bag.pages, fileName: bag.fileName, ms: bag.ms }, null, 2));
    } else {
      io.err(`wrote ${values.out}: ${bag.pages} ${bag.pages === 1 ? 'page' : 'pages'} (${bag.ms} ms)`);
    }
    return exitOk;
  } finally {
    session.close();
  }
}
