import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withChange } from '../../../electron/core/history/change';
import { historyState, undo } from '../../../electron/core/history/history-service';
import { getRisk } from '../../../electron/core/risks/risk-queries';
import { reassignRiskReferences, riskReferencesToPerson, riskReferencesToVendor } from '../../../electron/core/risks/risk-references';
import { riskRegister, topRisks } from '../../../electron/core/risks/risk-report';
import { snapshot } from '../../helpers/db-snapshot';
import { refusal } from '../../helpers/refusal';
import { create, riskFixture, type RiskFixture } from './risk-fixture';

let f: RiskFixture;
beforeEach(() => {
  f = riskFixture();
});
afterEach(() => f.t.cleanup());

describe('references for the deletion guard', () => {
  it('lists the risks a person owns or owns a mitigation of, and the risks linked to a vendor, by title', () => {
    create(f, { title: 'Zeta', ownerPersonId: f.priya });
    create(f, { title: 'Alpha', mitigations: [{ action: 'Check', status: 'planned', ownerPersonId: f.priya }], links: [{ kind: 'vendor', targetId: f.fuelCo }] });
    create(f, { title: 'Mid', ownerPersonId: f.priya, mitigations: [{ action: 'Also', status: 'done', ownerPersonId: f.priya }] });
    create(f, { title: 'Other', ownerPersonId: f.sean, links: [{ kind: 'vendor', targetId: f.cloudCo }] });
    expect(riskReferencesToPerson(f.t.ctx, f.priya)).toEqual(['Alpha', 'Mid', 'Zeta']);
    expect(riskReferencesToPerson(f.t.ctx, f.openRole)).toEqual([]);
    expect(riskReferencesToVendor(f.t.ctx, f.fuelCo)).toEqual(['Alpha']);
    expect(riskReferencesToVendor(f.t.ctx, f.cloudCo)).toEqual(['Other']);
  });

  it('moves a person’s risks and mitigations to someone else inside the caller’s change, undone with it', () => {
    const owned = create(f, { title: 'Owned', ownerPersonId: f.priya, mitigations: [{ action: 'Check', status: 'planned', ownerPersonId: f.priya }] });
    const before = snapshot(f.t.ctx);
    const titles = withChange(f.t.ctx, 'Remove Priya Natarajan', (w) => {
      const moved = reassignRiskReferences(f.t.ctx, w, 'person', f.priya, f.sean);
      w.remove('people', f.priya);
      return moved;
    });
    expect(titles).toEqual(['Owned']);
    const risk = getRisk(f.t.ctx, owned.id);
    expect(risk.ownerName).toBe('Sean Gallagher');
    expect(risk.mitigations[0]!.ownerName).toBe('Sean Gallagher');
    expect(historyState(f.t.ctx).undoLabel).toBe('Remove Priya Natarajan');
    undo(f.t.ctx);
    expect(snapshot(f.t.ctx)).toEqual(before);
  });

  it('clears the owner when given no one, and refuses an open role (rolling back the caller’s change)', () => {
    const owned = create(f, { title: 'Owned', ownerPersonId: f.priya });
    const before = snapshot(f.t.ctx);
    const err = refusal(() =>
      withChange(f.t.ctx, 'Remove Priya Natarajan', (w) => {
        const moved = reassignRiskReferences(f.t.ctx, w, 'person', f.priya, f.openRole);
        w.remove('people', f.priya);
        return moved;
      }),
    );
    expect(err.message).toBe('Open role — Risk analyst is an open role, not a person: risks need an owner who can act.');
    expect(snapshot(f.t.ctx)).toEqual(before);

    withChange(f.t.ctx, 'Clear', (w) => reassignRiskReferences(f.t.ctx, w, 'person', f.priya, null));
    expect(getRisk(f.t.ctx, owned.id).ownerPersonId).toBeNull();
  });

  it('moves vendor links, keeping one link where the risk already names the new vendor, or removes them', () => {
    const both = create(f, { title: 'Both', links: [{ kind: 'vendor', targetId: f.fuelCo }, { kind: 'vendor', targetId: f.cloudCo }] });
    const one = create(f, { title: 'One', links: [{ kind: 'vendor', targetId: f.fuelCo }, { kind: 'process', targetId: f.dispatch }] });
    const titles = withChange(f.t.ctx, 'Merge vendors', (w) => reassignRiskReferences(f.t.ctx, w, 'vendor', f.fuelCo, f.cloudCo));
    expect(titles).toEqual(['Both', 'One']);
    expect(getRisk(f.t.ctx, both.id).links.map((l) => l.name)).toEqual(['Alder Cloud']);
    expect(getRisk(f.t.ctx, one.id).links.map((l) => l.name)).toEqual(['Dispatch', 'Alder Cloud']);
    expect(riskReferencesToVendor(f.t.ctx, f.fuelCo)).toEqual([]);

    withChange(f.t.ctx, 'Drop vendor', (w) => reassignRiskReferences(f.t.ctx, w, 'vendor', f.cloudCo, null));
    expect(getRisk(f.t.ctx, one.id).links.map((l) => l.name)).toEqual(['Dispatch']);
    expect(refusal(() => withChange(f.t.ctx, 'x', (w) => reassignRiskReferences(f.t.ctx, w, 'vendor', f.fuelCo, 'gone'))).code).toBe('not_found');
  });
});

describe('reads for the board pack and the export', () => {
  it('top risks: above appetite first, by residual score, with owners and mitigation status, at most `limit`', () => {
    create(f, { title: 'Low', inherent: { likelihood: 2, impact: 2 }, residual: { likelihood: 1, impact: 2 } });
    create(f, {
      title: 'Worst',
      ownerPersonId: f.priya,
      inherent: { likelihood: 5, impact: 5 },
      residual: { likelihood: 4, impact: 5 },
      mitigations: [
        { action: 'A', status: 'done' },
        { action: 'B', status: 'in_progress' },
        { action: 'C', status: 'planned' },
      ],
    });
    create(f, { title: 'Tolerated', inherent: { likelihood: 4, impact: 3 }, residual: { likelihood: 4, impact: 3 } });
    create(f, { title: 'Over', inherent: { likelihood: 5, impact: 3 }, residual: { likelihood: 5, impact: 3 } });

    const top = topRisks(f.t.ctx, { limit: 3 });
    expect(top).toMatchObject({ appetite: 12, total: 4, aboveAppetite: 2 });
    expect(top.heatMap).toHaveLength(25);
    expect(top.risks.map((r) => [r.title, r.residual.score, r.aboveAppetite])).toEqual([
      ['Worst', 20, true],
      ['Over', 15, true],
      ['Tolerated', 12, false],
    ]);
    expect(top.risks[0]).toMatchObject({ ownerName: 'Priya Natarajan', mitigationStatus: '1 of 3 done, 1 in progress, 1 planned' });
    expect(top.risks[1]!.mitigationStatus).toBe('No mitigations');
  });

  it('the register for exports: every risk by title, with ids and names of what it points at', () => {
    create(f, { title: 'Beta', ownerPersonId: f.sean, links: [{ kind: 'process', targetId: f.payroll }] });
    create(f, { title: 'alpha', mitigations: [{ action: 'Do it', status: 'planned', dueOn: '2027-01-01' }] });
    const register = riskRegister(f.t.ctx);
    expect(register.appetite).toBe(12);
    expect(register.risks.map((r) => r.title)).toEqual(['alpha', 'Beta']);
    expect(register.risks[1]).toMatchObject({ ownerPersonId: f.sean, ownerName: 'Sean Gallagher', links: [{ kind: 'process', targetId: f.payroll, name: 'Payroll' }] });
    expect(register.risks[0]!.mitigations[0]).toMatchObject({ action: 'Do it', status: 'planned', dueOn: '2027-01-01' });
  });
});
