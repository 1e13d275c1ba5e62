/**
 * Writes Larkspur Freight's continuity and risk registers (demo-continuity.ts) inside the demo's
 * transaction. Ids are hashed from what each row is, like the rest of the demo, and every date is
 * an offset from the as-of date.
 */
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import {
  assets,
  callTreeEntries,
  continuityPlans,
  dependencies,
  exerciseActions,
  exercises,
  planSteps,
  processes,
  processImpacts,
  riskLinks,
  riskMitigations,
  risks,
  vendors,
} from '../db/schema';
import { demoAssets, demoDependencies, demoExercises, demoPlans, demoProcesses, demoRisks, demoVendors, type When } from './demo-continuity';
import { demoPeople } from './demo-company';
import { demoId } from './demo-random';

type Tx = Pick<Ctx['db'], 'insert'>;

export interface RegisterCounts {
  vendors: number;
  assets: number;
  processes: number;
  dependencies: number;
  continuityPlans: number;
  exercises: number;
  risks: number;
}

const horizons = [4, 24, 72, 168, 336] as const;

/** A YYYY-MM-DD date moved by whole months (day clamped to the month's length), then by days. */
export function shiftDate(date: string, when: When): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + (when.months ?? 0);
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const moved = new Date(Date.UTC(year, month, Math.min(d, last)) + (when.days ?? 0) * 86_400_000);
  return moved.toISOString().slice(0, 10);
}

export function personIdOf(name: string): string {
  const person = demoPeople.find((p) => p.name === name && !p.open);
  // The tables below name people of the roster; a typo is a bug in the demo, not the user's input.
  if (!person) throw new AppError('internal', `The demo names ${name}, who is not on the demo roster.`);
  return demoId(`person:${person.dept}:${person.name}`);
}

export function writeDemoRegisters(tx: Tx, asOf: string, at: string): RegisterCounts {
  const on = (when: When) => shiftDate(asOf, when);
  const vendorId = (name: string) => demoId(`vendor:${name}`);
  const assetId = (kind: string, name: string) => demoId(`asset:${kind}:${name}`);
  const processId = (name: string) => demoId(`process:${name}`);
  const planId = (name: string) => demoId(`continuity-plan:${name}`);

  tx.insert(vendors)
    .values(
      demoVendors.map((v) => ({
        id: vendorId(v.name),
        name: v.name,
        service: v.service,
        contactName: v.contactName,
        phone: v.phone,
        email: v.email,
        contractEnd: on(v.contractEnd),
        annualSpendMinor: v.annualSpend * 100,
        recoveryHours: v.recoveryHours,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .run();
  tx.insert(assets)
    .values(demoAssets.map((a) => ({ id: assetId(a.kind, a.name), ...a, createdAt: at, updatedAt: at })))
    .run();

  for (const p of demoProcesses) {
    const id = processId(p.name);
    tx.insert(processes)
      .values({
        id,
        name: p.name,
        description: p.description,
        ownerDepartmentId: demoId(`department:${p.dept}`),
        ownerPersonId: personIdOf(p.owner),
        tier: p.tier,
        rtoHours: p.rtoHours,
        rtoReason: p.rtoReason,
        rpoHours: p.rpoHours,
        mtpdHours: p.mtpdHours,
        costPerDayMinor: p.costPerDay * 100,
        peakMonths: JSON.stringify(p.peakMonths),
        reviewDate: on(p.review),
        createdAt: at,
        updatedAt: at,
      })
      .run();
    tx.insert(processImpacts)
      .values(
        p.impacts.map(([financial, customer, regulatory, reputational, safety], i) => ({
          id: demoId(`impact:${p.name}:${horizons[i]}`),
          processId: id,
          horizonHours: horizons[i]!,
          financial,
          customer,
          regulatory,
          reputational,
          safety,
        })),
      )
      .run();
  }

  tx.insert(dependencies)
    .values(
      demoDependencies.map((d) => ({
        id: demoId(`dependency:${d.process}:${d.kind}:${d.target}`),
        processId: processId(d.process),
        kind: d.kind,
        personId: d.kind === 'person' ? personIdOf(d.target) : null,
        dependsOnProcessId: d.kind === 'process' ? processId(d.target) : null,
        assetId: d.kind === 'system' || d.kind === 'site' ? assetId(d.kind, d.target) : null,
        vendorId: d.kind === 'vendor' ? vendorId(d.target) : null,
        recoveryHours: d.recoveryHours ?? null,
        notes: d.notes ?? null,
        createdAt: at,
      })),
    )
    .run();

  for (const plan of demoPlans) {
    const id = planId(plan.name);
    tx.insert(continuityPlans)
      .values({
        id,
        name: plan.name,
        processId: plan.process === null ? null : processId(plan.process),
        scenario: plan.scenario,
        activationCriteria: plan.activationCriteria,
        workarounds: plan.workarounds,
        reviewedOn: on(plan.reviewed),
        createdAt: at,
        updatedAt: at,
      })
      .run();
    tx.insert(planSteps)
      .values(
        plan.steps.map((s, i) => ({ id: demoId(`step:${plan.name}:${i}`), planId: id, position: i, action: s.action, ownerPersonId: personIdOf(s.owner), withinHours: s.withinHours })),
      )
      .run();
    // Listed callers first, so every parent a row names is already written.
    const entryId = (person: string) => demoId(`call:${plan.name}:${person}`);
    plan.callTree.forEach((c, i) => {
      tx.insert(callTreeEntries)
        .values({
          id: entryId(c.person),
          planId: id,
          personId: personIdOf(c.person),
          parentEntryId: c.calledBy === null ? null : entryId(c.calledBy),
          alternatePersonId: c.alternate === null ? null : personIdOf(c.alternate),
          position: i,
        })
        .run();
    });
  }

  for (const x of demoExercises) {
    const heldOn = on(x.held);
    const id = demoId(`exercise:${x.plan}:${x.kind}:${x.held.months ?? 0}:${x.held.days ?? 0}`);
    tx.insert(exercises)
      .values({
        id,
        planId: planId(x.plan),
        kind: x.kind,
        heldOn,
        participants: x.participants.join(', '),
        summary: x.summary,
        findings: x.findings,
        nextDue: shiftDate(heldOn, x.nextDue),
        createdAt: at,
      })
      .run();
    tx.insert(exerciseActions)
      .values(
        x.actions.map((a, i) => ({
          id: demoId(`exercise-action:${id}:${i}`),
          exerciseId: id,
          action: a.action,
          ownerPersonId: personIdOf(a.owner),
          dueOn: shiftDate(heldOn, a.due),
          done: a.done,
        })),
      )
      .run();
  }

  for (const r of demoRisks) {
    const id = demoId(`risk:${r.title}`);
    tx.insert(risks)
      .values({
        id,
        title: r.title,
        description: r.description,
        category: r.category,
        ownerPersonId: personIdOf(r.owner),
        inherentLikelihood: r.inherent[0],
        inherentImpact: r.inherent[1],
        residualLikelihood: r.residual[0],
        residualImpact: r.residual[1],
        reviewDate: on(r.review),
        createdAt: at,
        updatedAt: at,
      })
      .run();
    tx.insert(riskMitigations)
      .values(
        r.mitigations.map((m, i) => ({
          id: demoId(`mitigation:${r.title}:${i}`),
          riskId: id,
          action: m.action,
          status: m.status,
          ownerPersonId: personIdOf(m.owner),
          dueOn: m.due === null ? null : on(m.due),
        })),
      )
      .run();
    const links = [
      ...(r.processes ?? []).map((name) => ({ id: demoId(`risk-link:${r.title}:process:${name}`), riskId: id, processId: processId(name), vendorId: null })),
      ...(r.vendors ?? []).map((name) => ({ id: demoId(`risk-link:${r.title}:vendor:${name}`), riskId: id, processId: null, vendorId: vendorId(name) })),
    ];
    if (links.length > 0) tx.insert(riskLinks).values(links).run();
  }

  return {
    vendors: demoVendors.length,
    assets: demoAssets.length,
    processes: demoProcesses.length,
    dependencies: demoDependencies.length,
    continuityPlans: demoPlans.length,
    exercises: demoExercises.length,
    risks: demoRisks.length,
  };
}
