/**
 * Owners who have left: a risk or mitigation owner whose end date is before today (the clock's
 * day, 2026-11-21) is flagged with that date in the register, the board pack's top risks and
 * the export's reading of the register; an end date of today or later is not a leaver yet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updatePerson } from '../../../electron/core/org/people-service';
import { getRisk, listRisks } from '../../../electron/core/risks/risk-queries';
import { riskRegister, topRisks } from '../../../electron/core/risks/risk-report';
import { onDay } from '../../../electron/core/report/go-bag/go-bag-data';
import { create, riskFixture, type RiskFixture } from './risk-fixture';

let f: RiskFixture;
beforeEach(() => {
  f = riskFixture();
});
afterEach(() => f.t.cleanup());

describe('owners who have left', () => {
  it('are flagged with their end date on the risk and on each mitigation, and nobody else is', () => {
    const risk = create(f, {
      ownerPersonId: f.priya,
      mitigations: [
        { action: 'Second supplier', status: 'planned', ownerPersonId: f.priya },
        { action: 'Fuel on site', status: 'in_progress', ownerPersonId: f.sean },
        { action: 'Fuel cards', status: 'planned' },
      ],
    });
    expect(risk.ownerLeftOn).toBeNull();
    expect(risk.mitigations.map((m) => m.ownerLeftOn)).toEqual([null, null, null]);

    // Priya leaves after the risk was written: she stays the owner, now flagged.
    updatePerson(f.t.ctx, { id: f.priya, endDate: '2026-10-31' });
    const after = getRisk(f.t.ctx, risk.id);
    expect(after).toMatchObject({ ownerName: 'Priya Natarajan', ownerLeftOn: '2026-10-31' });
    expect(after.mitigations.map((m) => [m.action, m.ownerName, m.ownerLeftOn])).toEqual([
      ['Fuel on site', 'Sean Gallagher', null],
      ['Fuel cards', null, null],
      ['Second supplier', 'Priya Natarajan', '2026-10-31'],
    ]);
    expect(listRisks(f.t.ctx).risks[0]!.ownerLeftOn).toBe('2026-10-31');
    expect(topRisks(f.t.ctx, { limit: 5 }).risks[0]!.ownerLeftOn).toBe('2026-10-31');
    expect(riskRegister(f.t.ctx).risks[0]!.mitigations.find((m) => m.action === 'Second supplier')!.ownerLeftOn).toBe('2026-10-31');
  });

  it('judges "left" on the day the register is read: a last day of today, or one to come, is not yet gone', () => {
    const risk = create(f, { ownerPersonId: f.sean, mitigations: [{ action: 'Cross-train', status: 'planned', ownerPersonId: f.sean }] });
    updatePerson(f.t.ctx, { id: f.sean, endDate: '2026-11-21' });
    expect(getRisk(f.t.ctx, risk.id).ownerLeftOn).toBeNull();
    updatePerson(f.t.ctx, { id: f.sean, endDate: '2026-12-31' });
    expect(getRisk(f.t.ctx, risk.id).ownerLeftOn).toBeNull();
    // The board pack reads on its prepared date: by then Sean has gone.
    const later = onDay(f.t.ctx, '2027-01-15');
    expect(topRisks(later, { limit: 5 }).risks[0]!.ownerLeftOn).toBe('2026-12-31');
    expect(getRisk(later, risk.id).mitigations[0]!.ownerLeftOn).toBe('2026-12-31');
  });

  it('says nothing for a risk or mitigation with no owner', () => {
    const risk = create(f, { mitigations: [{ action: 'Check', status: 'planned' }] });
    expect(risk.ownerLeftOn).toBeNull();
    expect(risk.mitigations[0]!.ownerLeftOn).toBeNull();
  });
});
