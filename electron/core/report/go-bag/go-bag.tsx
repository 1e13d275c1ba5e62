/** @jsxRuntime automatic */
/**
 * The go-bag PDF: recovery plans printed for the day the systems are down. The same pipeline as
 * the board pack — everything read in one read transaction, then laid out with
 * @react-pdf/renderer in plain Node with Inter embedded — and deterministic: the dates in the file
 * come from the "as at" day (the workspace's last change unless given), never from the clock.
 *
 * A document with several plans, or with processes in scope that have no plan, opens with an index
 * (laid out twice: the first layout finds the page each plan starts on); a single plan starts on
 * page 1. Each plan starts on a new page so its
 * pages can be handed out on their own.
 */
import { Document, renderToBuffer, Text, View } from '@react-pdf/renderer';
import { goBagInputSchema, type GoBagInput, type RenderedGoBag } from '../../../../shared/go-bag';
import { tierLabels } from '../../../../shared/continuity';
import { AppError } from '../../../../shared/result';
import type { Ctx } from '../../context';
import { colors, longDate, PageLedger, registerFonts } from '../pdf/kit';
import { slugOf } from '../report-settings';
import { readTransaction } from '../../db/transactions';
import { readGoBag, type GoBagData } from './go-bag-data';
import { GoBagPage, layoutFor, type Layout } from './layout';
import { PlanPages } from './plan-pages';

function parseInput(input: GoBagInput) {
  const parsed = goBagInputSchema.strict().safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_input', issue ? `${issue.path.join('.') || 'options'}: ${issue.message}` : 'The go-bag options are not valid.');
  }
  return parsed.data;
}

/** Everything the go-bag prints, from one state of the workspace (D9). */
export function loadGoBag(ctx: Ctx, input: GoBagInput): GoBagData {
  const options = parseInput(input);
  return readTransaction(ctx.db, () => readGoBag(ctx, options, options.asOf, options.paper ?? 'a4'));
}

export function goBagFileName(data: Pick<GoBagData, 'company' | 'scope' | 'paper'>): string {
  const company = slugOf(data.company);
  return `go-bag-${data.scope.slug}${company ? `-${company}` : ''}${data.paper === 'phone' ? '-phone' : ''}.pdf`;
}

function Index({ data, layout, pages }: { data: GoBagData; layout: Layout; pages: PageLedger }) {
  const { type } = layout;
  return (
    <GoBagPage layout={layout} company={data.company} title={data.scope.label} asOf={data.asOf} bookmark="Index">
      <Text style={{ fontSize: type.small + 1, color: colors.muted, textTransform: 'uppercase', letterSpacing: 1 }}>{data.company}</Text>
      <Text style={{ fontSize: type.title + 6, fontWeight: 700, color: colors.accent, marginTop: 6 }}>Continuity go-bag</Text>
      <Text style={{ fontSize: type.heading, marginTop: 4 }}>{data.scope.label}</Text>
      <Text style={{ color: colors.muted, marginTop: 4 }}>As at {longDate(data.asOf)}</Text>

      <View style={{ backgroundColor: colors.band, borderLeftWidth: 3, borderLeftColor: colors.accent, padding: 8, marginTop: 14 }}>
        <Text style={{ fontWeight: 600, marginBottom: 2 }}>How to use it</Text>
        <Text>
          Find the plan for what has happened. Check its activation criteria, start the call tree from the top, then work through the recovery steps in order, ticking each
          one off. Phone numbers are as recorded on the date above.
        </Text>
      </View>

      {data.uncovered.length > 0 ? (
        <View style={{ borderLeftWidth: 3, borderLeftColor: colors.unfavourable, padding: 8, marginTop: 8 }} wrap={false}>
          <Text style={{ fontWeight: 600, color: colors.unfavourable }}>Not covered by any plan</Text>
          {data.uncovered.map((u) => (
            <Text key={u.name} style={{ marginTop: 2 }}>
              {u.name} <Text style={{ color: colors.muted }}>({tierLabels[u.tier as 1 | 2 | 3 | 4] ?? `Tier ${u.tier}`})</Text>
            </Text>
          ))}
        </View>
      ) : null}

      <Text style={{ fontSize: type.heading, fontWeight: 600, color: colors.accent, marginTop: 16, marginBottom: 6 }}>Plans in this document</Text>
      {data.plans.map(({ plan, process }) => (
        <View key={plan.id} wrap={false} style={{ flexDirection: 'row', alignItems: 'flex-end', paddingVertical: 3.5, borderBottomWidth: 0.5, borderBottomColor: colors.rule }}>
          <View style={{ flex: 1, paddingRight: 6 }}>
            <Text style={{ fontWeight: 600 }}>{plan.name}</Text>
            <Text style={{ fontSize: type.small + 0.5, color: colors.muted }}>
              {process ? `${process.name} · Tier ${process.tier}` : 'Scenario plan'} · {plan.steps.length} {plan.steps.length === 1 ? 'step' : 'steps'} · call tree of {plan.callTree.length}
            </Text>
          </View>
          <Text style={{ width: 44, textAlign: 'right', fontWeight: 600 }}>{pages.pageOf(plan.id) === undefined ? '' : `p. ${pages.pageOf(plan.id)}`}</Text>
        </View>
      ))}
    </GoBagPage>
  );
}

function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

export async function renderGoBag(ctx: Ctx, input: GoBagInput): Promise<RenderedGoBag> {
  const started = performance.now();
  const data = loadGoBag(ctx, input);
  registerFonts();
  const layout = layoutFor(data.paper);
  const ledger = new PageLedger();
  const at = new Date(`${data.asOf}T00:00:00Z`);
  // An index when there are several plans, or when a process in scope has none: that must be said.
  const withIndex = data.plans.length > 1 || data.uncovered.length > 0;
  const document = (indexPages: PageLedger) => (
    <Document
      title={`${data.company} — Continuity go-bag: ${data.scope.label}`}
      author={data.company}
      subject={`Recovery plans as at ${data.asOf}`}
      creator="Quartermaster"
      producer="Quartermaster"
      creationDate={at}
      modificationDate={at}
      language="en"
    >
      {withIndex ? <Index data={data} layout={layout} pages={indexPages} /> : null}
      {data.plans.map((item) => (
        <PlanPages key={item.plan.id} item={item} layout={layout} company={data.company} asOf={data.asOf} people={data.people} ledger={ledger} />
      ))}
    </Document>
  );
  // First layout: each plan records the page it starts on. The index is the same height with or
  // without its page numbers, so the second layout puts every plan on the same page as the first.
  let found = new PageLedger();
  if (withIndex) {
    await renderToBuffer(document(new PageLedger()));
    found = new PageLedger();
    for (const p of data.plans) found.record(p.plan.id, ledger.pageOf(p.plan.id) ?? 0);
  }
  const pdf = await renderToBuffer(document(found));
  return { fileName: goBagFileName(data), base64: pdf.toString('base64'), pages: countPages(pdf), ms: Math.round(performance.now() - started) };
}
