/**
 * The go-bag PDF read back as the person holding it would: for every plan printed, the steps in
 * order with owner, phone and time; every person on the call tree with their phone and their
 * alternate's; every dependency with its recovery time; every vendor's contact, phone and email —
 * compared with what the continuity read functions return (loadContinuity, the Continuity view's
 * shapes), not with the go-bag's own code. Also: the three papers, the same bytes for the same
 * state, one read transaction, honest flags (leavers, missing phones, processes with no plan),
 * refusals, and every page kept as a PNG in tests/output/report/go-bag-*.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlan, setCallTree, setSteps } from '../../electron/core/continuity/plan-service';
import { addDependency, createProcess } from '../../electron/core/continuity/process-service';
import { formatHours } from '../../electron/core/continuity/readiness';
import { createVendor, updateVendor } from '../../electron/core/continuity/register-service';
import { loadContinuity, type ContinuitySnapshot } from '../../electron/core/continuity/views';
import { renderGoBag } from '../../electron/core/report/go-bag/go-bag';
import type { PlanDetail } from '../../shared/continuity';
import type { GoBagInput } from '../../shared/go-bag';
import { renderPngs } from '../helpers/pdf-artifacts';
import { pdfPages, type PdfPage } from '../helpers/pdf-text';
import { preparedOutsideTransaction } from '../helpers/read-transaction';
import { asyncRefusal } from '../helpers/refusal';
import { demoWorkspace, tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';
import { seedPeople } from '../unit/continuity/continuity-fixture';

async function render(ws: TempWorkspace, input: GoBagInput) {
  const bag = await renderGoBag(ws.ctx, input);
  const bytes = Buffer.from(bag.base64, 'base64');
  return { bag, bytes, pages: await pdfPages(bytes) };
}

/** Reads a text in order: each `expectNext` must come after the one before. */
class Reader {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly what: string,
  ) {}
  expectNext(piece: string, why = piece): void {
    const found = this.text.indexOf(piece, this.at);
    if (found < 0) throw new Error(`${this.what}: "${piece}" (${why}) is not printed after position ${this.at}: …${this.text.slice(this.at, this.at + 300)}…`);
    this.at = found + piece.length;
  }
  skipTo(piece: string): void {
    this.expectNext(piece);
  }
}

function duration(h: number): string {
  return h > 0 && h < 1 ? `${Math.round(h * 60)} minutes` : formatHours(h);
}

/** The text of a plan's pages: from the page whose title is the plan's name to the next plan's. */
function planText(pages: PdfPage[], plan: PlanDetail, next: PlanDetail | undefined): string {
  const start = pages.findIndex((p) => p.items[2] === plan.name);
  if (start < 0) throw new Error(`no page starts the plan "${plan.name}"`);
  const end = next ? pages.findIndex((p, i) => i > start && p.items[2] === next.name) : pages.length;
  return pages
    .slice(start, end < 0 ? pages.length : end)
    .map((p) => p.text)
    .join(' ');
}

/** Everything a plan must print, in the order it prints it. */
function expectPlanPrinted(text: string, plan: PlanDetail, snapshot: ContinuitySnapshot) {
  const read = new Reader(text, plan.name);
  read.skipTo('Activation criteria');
  for (const line of plan.activationCriteria.split(/\n+/).filter((l) => l.trim() !== '')) read.expectNext(line.trim().split(/\s+/).slice(0, 6).join(' '), 'activation criteria');

  read.skipTo('Call tree');
  for (const e of plan.callTree) {
    read.expectNext(e.personName, 'caller');
    read.expectNext(e.phone ?? 'no phone on record', `${e.personName}'s phone`);
    if (e.alternateName !== null) {
      read.expectNext('Alternate:');
      read.expectNext(e.alternateName, `alternate of ${e.personName}`);
      read.expectNext(e.alternatePhone ?? 'no phone on record', `${e.alternateName}'s phone`);
    } else read.expectNext('No alternate named.');
  }

  read.skipTo('Recovery steps');
  plan.steps.forEach((s, i) => {
    read.expectNext(`${i + 1} ${s.action}`, `step ${i + 1}`);
    read.expectNext(s.ownerName, `owner of step ${i + 1}`);
    read.expectNext(s.ownerPhone ?? 'no phone on record', `phone of ${s.ownerName}`);
    read.expectNext(s.withinHours === null ? '—' : duration(s.withinHours), `time of step ${i + 1}`);
  });

  const detail = snapshot.processes.find((p) => p.process.id === plan.processId);
  if (!detail) return;
  read.skipTo('Dependencies');
  for (const d of detail.dependencies) {
    read.expectNext(d.targetName, `${d.kind} dependency`);
    read.expectNext(d.effectiveRecoveryHours === null ? 'not known' : formatHours(d.effectiveRecoveryHours), `recovery time of ${d.targetName}`);
  }
  read.skipTo('Vendor contacts');
  const vendorIds = new Set(detail.dependencies.filter((d) => d.kind === 'vendor').map((d) => d.targetId));
  const vendors = snapshot.vendors.filter((v) => vendorIds.has(v.id)).sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  for (const v of vendors) {
    read.expectNext(v.name, 'vendor');
    read.expectNext(v.contactName ?? 'not recorded', `contact at ${v.name}`);
    read.expectNext(v.phone ?? 'not recorded', `phone of ${v.name}`);
    read.expectNext(v.email ?? 'not recorded', `email of ${v.name}`);
  }
}

describe('the go-bag of the demo workspace', () => {
  let ws: TempWorkspace;
  let snapshot: ContinuitySnapshot;
  let tier1: PlanDetail[];
  beforeAll(() => {
    ws = demoWorkspace();
    snapshot = loadContinuity(ws.ctx);
    tier1 = snapshot.processes.filter((p) => p.process.tier === 1).flatMap((p) => p.plans);
  });
  afterAll(() => ws.cleanup());

  it('prints every Tier-1 plan on A4 as the continuity services hold it', async () => {
    expect(tier1.length).toBeGreaterThan(1);
    const { bag, bytes, pages } = await render(ws, { tier: 1 });
    expect(bag.fileName).toBe('go-bag-tier-1-larkspur-freight.pdf');
    expect(pages).toHaveLength(bag.pages);
    expect(Math.round(pages[0]!.width)).toBe(595);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // The index lists each plan with the page it starts on.
    expect(pages[0]!.text).toContain('All Tier-1 plans');
    for (const plan of tier1) {
      const entry = pages[0]!.items.indexOf(plan.name);
      expect(entry, plan.name).toBeGreaterThan(0);
      const page = Number(pages[0]!.items.slice(entry).find((s) => s.startsWith('p. '))!.slice(3));
      expect(pages[page - 1]!.items[2]).toBe(plan.name);
    }
    tier1.forEach((plan, i) => expectPlanPrinted(planText(pages, plan, tier1[i + 1]), plan, snapshot));
    // Only Tier-1 plans.
    for (const other of snapshot.processes.filter((p) => p.process.tier !== 1).flatMap((p) => p.plans)) {
      expect(pages.some((p) => p.items[2] === other.name), other.name).toBe(false);
    }
    expect(renderPngs(bytes, 'go-bag-demo-tier1-a4')).toHaveLength(bag.pages);
  });

  it('prints on a narrow phone page in one column with the same content', async () => {
    const { bag, bytes, pages } = await render(ws, { tier: 1, paper: 'phone' });
    expect(bag.fileName).toBe('go-bag-tier-1-larkspur-freight-phone.pdf');
    expect(Math.round(pages[0]!.width)).toBe(298); // 105 mm
    expect(Math.round(pages[0]!.height)).toBe(595); // 210 mm
    tier1.forEach((plan, i) => expectPlanPrinted(planText(pages, plan, tier1[i + 1]), plan, snapshot));
    expect(renderPngs(bytes, 'go-bag-demo-tier1-phone')).toHaveLength(bag.pages);
  });

  it('prints every plan on Letter, one plan per document, and a process’s plans', async () => {
    const all = [...snapshot.processes.flatMap((p) => p.plans), ...snapshot.scenarioPlans];
    const everything = await render(ws, { paper: 'letter' });
    expect(Math.round(everything.pages[0]!.width)).toBe(612);
    all.forEach((plan, i) => expectPlanPrinted(planText(everything.pages, plan, all[i + 1]), plan, snapshot));
    // Processes without a plan are named, not silently left out.
    for (const p of snapshot.processes.filter((d) => d.plans.length === 0)) expect(everything.pages[0]!.text).toContain(p.process.name);
    expect(renderPngs(everything.bytes, 'go-bag-demo-all-letter')).toHaveLength(everything.bag.pages);

    const one = all[0]!;
    const single = await render(ws, { planId: one.id });
    // No index for one plan: it starts on page 1.
    expect(single.pages[0]!.items[2]).toBe(one.name);
    expectPlanPrinted(single.pages.map((p) => p.text).join(' '), one, snapshot);

    const withPlans = snapshot.processes.find((p) => p.plans.length > 0)!;
    const process = await render(ws, { processId: withPlans.process.id });
    expect(process.bag.fileName).toContain('go-bag-');
    for (const plan of withPlans.plans) expect(process.pages.some((p) => p.items[2] === plan.name)).toBe(true);
  });

  it('gives the same bytes for the same state, and new bytes with the new number after a change', async () => {
    const a = await render(ws, { tier: 1 });
    const b = await render(ws, { tier: 1 });
    expect(a.bytes.equals(b.bytes)).toBe(true);

    const vendor = snapshot.processes.filter((p) => p.process.tier === 1).flatMap((p) => p.dependencies).find((d) => d.kind === 'vendor')!;
    updateVendor(ws.ctx, { id: vendor.targetId, phone: '+1 (555) 010-9999' });
    const c = await render(ws, { tier: 1 });
    expect(c.bytes.equals(a.bytes)).toBe(false);
    expect(c.pages.map((p) => p.text).join(' ')).toContain('+1 (555) 010-9999');
    // The as-at day comes from the data (the day of the last change), not the clock.
    expect(c.pages.at(-1)!.text).toContain('as at 21 November 2026');
  });

  it('reads everything inside one read transaction', async () => {
    const outside = await preparedOutsideTransaction(ws.ctx, () => renderGoBag(ws.ctx, {}));
    expect(outside).toEqual([]);
  });
});

describe('the go-bag of a workspace built to be awkward', () => {
  let ws: TempWorkspace;
  const ids: Record<string, string> = {};
  beforeAll(() => {
    ws = tempWorkspace({ init: { name: 'Test Co', currency: 'USD', fiscalYearStartMonth: 1 } });
    const ctx = ws.ctx;
    const people = seedPeople(ctx, ['Ana', 'Ben', 'Cleo', 'Dev', 'Eve', 'Finn'], { left: { Dev: '2026-03-31' } });
    const p = people.id;
    ids.fuel = createVendor(ctx, { name: 'Acme Fuel', service: 'Diesel', contactName: 'Rita Okafor', phone: '+1 510 555 0199', email: 'rita@acme.example', contractEnd: '2026-06-30', recoveryHours: 48 }).id;
    ids.dispatch = createProcess(ctx, { name: 'Dispatch', tier: 1, rtoHours: 4 }).process.id;
    addDependency(ctx, { processId: ids.dispatch, kind: 'vendor', targetId: ids.fuel });
    ids.plan = createPlan(ctx, { name: 'Dispatch recovery', processId: ids.dispatch, activationCriteria: 'The TMS is down.' }).id;
    setSteps(ctx, {
      planId: ids.plan,
      steps: [
        { action: 'Switch to paper dockets', ownerPersonId: p('Cleo'), withinHours: 0.5 },
        { action: 'Restore the TMS', ownerPersonId: p('Dev'), withinHours: 4 },
        { action: 'Tell the customers', ownerPersonId: p('Ana') },
      ],
    });
    // Three levels deep with siblings, an alternate who has left, a caller with no alternate.
    setCallTree(ctx, {
      planId: ids.plan,
      entries: [
        { id: 'a', personId: p('Ana'), parentId: null, alternatePersonId: p('Ben') },
        { id: 'b', personId: p('Ben'), parentId: 'a', alternatePersonId: p('Dev') },
        { id: 'c', personId: p('Cleo'), parentId: 'b' },
        { id: 'e', personId: p('Eve'), parentId: 'a', alternatePersonId: p('Finn') },
      ],
    });
    ids.payroll = createProcess(ctx, { name: 'Payroll', tier: 1 }).process.id;
    ids.fleet = createProcess(ctx, { name: 'Fleet', tier: 3 }).process.id;
    ids.office = createPlan(ctx, { name: 'Loss of head office', scenario: 'site' }).id;
  });
  afterAll(() => ws.cleanup());

  it('marks leavers and ended contracts in words, and names the Tier-1 process with no plan', async () => {
    const { bag, bytes, pages } = await render(ws, { tier: 1, paper: 'phone', asOf: '2026-11-21' });
    const text = pages.map((p) => p.text).join(' ');
    // One plan, but Payroll (Tier 1) has none: the index says so before the plan.
    expect(pages[0]!.text).toContain('Not covered by any plan');
    expect(pages[0]!.text).toContain('Payroll');
    expect(pages[0]!.text).not.toContain('Fleet');
    // The call tree numbered like an outline, each under the one who calls them.
    const read = new Reader(text, 'call tree');
    for (const line of ['1 Ana', '1.1 Ben', '1.1.1 Cleo', '1.2 Eve']) read.expectNext(line);
    expect(text).toContain('(has left the company)'); // Dev, Ben's alternate
    expect(text).toContain('Has left: reassign this step.'); // Dev owns step 2
    expect(text).toContain('The contract has ended');
    expect(text).toContain('Within 30 minutes of activation');
    expect(text).toContain('No time set');
    expect(text).toContain('No alternate named.');
    expect(renderPngs(bytes, 'go-bag-awkward-phone')).toHaveLength(bag.pages);

    // Every plan: the index names Payroll (Tier 1) and Fleet as not covered; the scenario plan prints.
    const all = await render(ws, { asOf: '2026-11-21' });
    expect(all.pages[0]!.text).toContain('Not covered by any plan');
    expect(all.pages[0]!.text).toContain('Payroll');
    expect(all.pages[0]!.text).toContain('Fleet');
    expect(all.pages.some((p) => p.items[2] === 'Loss of head office')).toBe(true);
    expect(all.pages.map((p) => p.text).join(' ')).toContain('No recovery steps are recorded for this plan.');
    expect(renderPngs(all.bytes, 'go-bag-awkward-a4')).toHaveLength(all.bag.pages);
  });

  it('judges leavers on the as-at day, not the clock', async () => {
    const before = await render(ws, { planId: ids.plan, asOf: '2026-03-01' });
    expect(before.pages.map((p) => p.text).join(' ')).not.toContain('has left');
    expect(before.pages.at(-1)!.text).toContain('as at 1 March 2026');
  });

  it('refuses what it cannot print, with the reason', async () => {
    expect(await asyncRefusal(() => renderGoBag(ws.ctx, { planId: 'no-such-plan' }))).toMatchObject({ code: 'not_found' });
    expect((await asyncRefusal(() => renderGoBag(ws.ctx, { processId: ids.payroll! }))).message).toBe(
      'Payroll has no recovery plan yet: add one on its page in the Continuity view.',
    );
    expect((await asyncRefusal(() => renderGoBag(ws.ctx, { tier: 3 }))).message).toBe('No Tier 3 process has a recovery plan yet (Fleet has none).');
    expect((await asyncRefusal(() => renderGoBag(ws.ctx, { planId: ids.plan!, processId: ids.fleet! }))).message).toBe('"Dispatch recovery" is not a plan of Fleet.');
    expect(await asyncRefusal(() => renderGoBag(ws.ctx, { tier: 5 }))).toMatchObject({ code: 'invalid_input' });
    expect(await asyncRefusal(() => renderGoBag(ws.ctx, { paper: 'a3' } as never))).toMatchObject({ code: 'invalid_input' });
    expect(await asyncRefusal(() => renderGoBag(ws.ctx, { colour: 'red' } as never))).toMatchObject({ code: 'invalid_input' });
  });
});
