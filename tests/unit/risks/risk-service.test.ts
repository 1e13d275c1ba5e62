import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { updatePerson } from '../../../electron/core/org/people-service';
import { getRisk, listRisks, riskChoices, riskHeatMap } from '../../../electron/core/risks/risk-queries';
import { deleteRisk, setRiskAppetite } from '../../../electron/core/risks/risk-service';
import { snapshot } from '../../helpers/db-snapshot';
import { refusal } from '../../helpers/refusal';
import { create, riskFixture, riskInput, update, type RiskFixture } from './risk-fixture';

let f: RiskFixture;
beforeEach(() => {
  f = riskFixture();
});
afterEach(() => f.t.cleanup());

describe('creating a risk', () => {
  it('writes the risk, its mitigations and links as one undoable change, and reads them back with names and scores', () => {
    const before = snapshot(f.t.ctx);
    const risk = create(f, {
      description: 'Our only diesel supplier cannot deliver for a week.',
      ownerPersonId: f.priya,
      reviewDate: '2027-03-31',
      mitigations: [
        { action: 'Sign a second supplier', status: 'in_progress', ownerPersonId: f.sean, dueOn: '2027-01-31' },
        { action: 'Keep 5 days of fuel on site', status: 'done' },
        { action: 'Fuel card for public stations', status: 'planned' },
      ],
      links: [
        { kind: 'vendor', targetId: f.fuelCo },
        { kind: 'process', targetId: f.dispatch },
      ],
    });
    expect(risk).toMatchObject({
      title: 'Fuel supplier fails',
      description: 'Our only diesel supplier cannot deliver for a week.',
      category: 'supplier',
      ownerPersonId: f.priya,
      ownerName: 'Priya Natarajan',
      inherent: { likelihood: 3, impact: 5, score: 15 },
      residual: { likelihood: 2, impact: 4, score: 8 },
      aboveAppetite: false,
      reviewDate: '2027-03-31',
      reviewOverdue: false,
      mitigationCounts: { planned: 1, inProgress: 1, done: 1 },
      // Processes first, then vendors.
      links: [
        { kind: 'process', targetId: f.dispatch, name: 'Dispatch' },
        { kind: 'vendor', targetId: f.fuelCo, name: 'Northline Fuel' },
      ],
    });
    // Open mitigations first (in progress, then planned), then done.
    expect(risk.mitigations.map((m) => [m.action, m.status, m.ownerName])).toEqual([
      ['Sign a second supplier', 'in_progress', 'Sean Gallagher'],
      ['Fuel card for public stations', 'planned', null],
      ['Keep 5 days of fuel on site', 'done', null],
    ]);
    expect(historyState(f.t.ctx).undoLabel).toBe('Add risk “Fuel supplier fails”');

    const after = snapshot(f.t.ctx);
    expect(after['risk_mitigations']).toHaveLength(3);
    expect(after['risk_links']).toHaveLength(2);
    undo(f.t.ctx);
    expect(snapshot(f.t.ctx)).toEqual(before);
    redo(f.t.ctx);
    expect(snapshot(f.t.ctx)).toEqual(after);
  });

  it('flags a review date that has passed (the clock is 2026-11-21)', () => {
    expect(create(f, { reviewDate: '2026-11-20' }).reviewOverdue).toBe(true);
    expect(create(f, { title: 'Other', reviewDate: '2026-11-21' }).reviewOverdue).toBe(false);
  });
});

describe('refusals say what is wrong and write nothing', () => {
  const cases: [string, (f: RiskFixture) => Parameters<typeof create>[1], string, string][] = [
    [
      'a residual likelihood above the inherent one',
      () => ({ inherent: { likelihood: 2, impact: 5 }, residual: { likelihood: 3, impact: 5 } }),
      'invalid_input',
      'Residual likelihood 3 is above inherent likelihood 2: mitigations lower a risk, they do not raise it. Lower the residual rating or raise the inherent one.',
    ],
    [
      'a residual impact above the inherent one',
      () => ({ inherent: { likelihood: 4, impact: 3 }, residual: { likelihood: 1, impact: 4 } }),
      'invalid_input',
      'Residual impact 4 is above inherent impact 3: mitigations lower a risk, they do not raise it. Lower the residual rating or raise the inherent one.',
    ],
    ['an owner who is not in the workspace', () => ({ ownerPersonId: 'gone' }), 'not_found', 'The risk owner chosen is no longer in the workspace. Choose someone else.'],
    [
      'an open role as owner',
      (f) => ({ ownerPersonId: f.openRole }),
      'invalid_input',
      'Open role — Risk analyst is an open role, not a person: choose someone who can act as the risk owner.',
    ],
    [
      'an owner who has left the company',
      (f) => ({ ownerPersonId: f.leaver }),
      'invalid_input',
      'Dana Left left on 2026-06-30: choose someone still with the company as the risk owner.',
    ],
    [
      'a mitigation owner who is not in the workspace',
      () => ({ mitigations: [{ action: 'Second supplier', status: 'planned', ownerPersonId: 'gone' }] }),
      'not_found',
      'The owner of mitigation 1 (“Second supplier”) chosen is no longer in the workspace. Choose someone else.',
    ],
    [
      'a link to a process that does not exist',
      () => ({ links: [{ kind: 'process', targetId: 'gone' }] }),
      'not_found',
      'A process linked to this risk is no longer in the workspace. Remove the link or choose another process.',
    ],
    [
      'the same vendor linked twice',
      (f) => ({ links: [{ kind: 'vendor', targetId: f.fuelCo }, { kind: 'vendor', targetId: f.fuelCo }] }),
      'invalid_input',
      'The vendor Northline Fuel is linked twice.',
    ],
    [
      'a mitigation id that belongs to no mitigation of the risk',
      () => ({ mitigations: [{ id: 'someone-elses', action: 'Second supplier', status: 'planned' }] }),
      'not_found',
      'Mitigation 1 (“Second supplier”) is not one of this risk\'s mitigations. Reload and try again.',
    ],
  ];

  for (const [what, overrides, code, message] of cases) {
    it(`refuses ${what}`, () => {
      const before = snapshot(f.t.ctx);
      const err = refusal(() => create(f, overrides(f)));
      expect(err.code).toBe(code);
      expect(err.message).toBe(message);
      expect(snapshot(f.t.ctx)).toEqual(before);
    });
  }

  it('refuses a second risk with the same title, whatever its case', () => {
    create(f);
    const before = snapshot(f.t.ctx);
    const err = refusal(() => create(f, { title: 'FUEL supplier fails' }));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('A risk called “Fuel supplier fails” is already in the register. Give this one another title.');
    expect(snapshot(f.t.ctx)).toEqual(before);
  });

  it('refuses an edit that would break a rule, keeping the risk, its mitigations and links as they were', () => {
    const risk = create(f, { mitigations: [{ action: 'Second supplier', status: 'planned' }], links: [{ kind: 'vendor', targetId: f.fuelCo }] });
    const before = snapshot(f.t.ctx);
    // The lists are valid, the ratings are not: nothing of the edit may land.
    const err = refusal(() =>
      update(f, { id: risk.id, residual: { likelihood: 5, impact: 1 }, mitigations: [], links: [{ kind: 'process', targetId: f.payroll }] }),
    );
    expect(err.message).toMatch(/^Residual likelihood 5 is above inherent likelihood 3: /);
    expect(refusal(() => update(f, { id: risk.id, links: [{ kind: 'vendor', targetId: 'gone' }], title: 'Renamed' })).code).toBe('not_found');
    expect(refusal(() => update(f, { id: 'gone', title: 'Renamed' })).message).toBe('That risk is no longer in the register.');
    expect(snapshot(f.t.ctx)).toEqual(before);
  });

  it('refuses an unknown risk to read or delete', () => {
    expect(refusal(() => getRisk(f.t.ctx, 'gone')).code).toBe('not_found');
    expect(refusal(() => deleteRisk(f.t.ctx, 'gone')).code).toBe('not_found');
  });
});

describe('the contract checks ratings, categories and the appetite before any service runs', () => {
  it('answers out-of-range input with the field and a readable reason', async () => {
    const before = snapshot(f.t.ctx);
    const call = (method: string, payload: unknown) => f.t.session.call(method, payload);
    await expect(call('risks.create', { ...riskInput(), inherent: { likelihood: 6, impact: 5 } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Invalid input for risks.create: inherent.likelihood: likelihood is at most 5' },
    });
    await expect(call('risks.create', { ...riskInput(), residual: { likelihood: 2.5, impact: 1 } })).resolves.toMatchObject({
      error: { message: 'Invalid input for risks.create: residual.likelihood: likelihood is a whole number from 1 to 5' },
    });
    await expect(call('risks.create', { ...riskInput(), category: 'weather' })).resolves.toMatchObject({
      error: { message: 'Invalid input for risks.create: category: category must be one of operational, financial, compliance, people, supplier, technology, safety' },
    });
    await expect(call('risks.create', { ...riskInput(), title: '   ' })).resolves.toMatchObject({
      error: { message: 'Invalid input for risks.create: title: give the risk a title' },
    });
    await expect(call('risks.setAppetite', { appetite: 26 })).resolves.toMatchObject({
      error: { message: 'Invalid input for risks.setAppetite: appetite: the risk appetite is at most 25 (5 × 5)' },
    });
    await expect(call('risks.setAppetite', { appetite: 0 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(snapshot(f.t.ctx)).toEqual(before);
    await expect(call('risks.create', riskInput())).resolves.toMatchObject({ ok: true, value: { title: 'Fuel supplier fails' } });
  });
});

describe('editing a risk', () => {
  it('replaces the mitigations and links in the same change, keeping ids of the ones kept', () => {
    const risk = create(f, {
      ownerPersonId: f.priya,
      mitigations: [
        { action: 'Second supplier', status: 'planned' },
        { action: 'Five days on site', status: 'in_progress' },
      ],
      links: [
        { kind: 'vendor', targetId: f.fuelCo },
        { kind: 'process', targetId: f.dispatch },
      ],
    });
    const before = snapshot(f.t.ctx);
    const second = risk.mitigations.find((m) => m.action === 'Second supplier')!;
    const edited = update(f, {
      id: risk.id,
      title: 'Diesel supply fails',
      ownerPersonId: f.sean,
      residual: { likelihood: 1, impact: 4 },
      mitigations: [
        { id: second.id, action: 'Second supplier', status: 'done', ownerPersonId: f.priya, dueOn: '2026-12-15' },
        { action: 'Fuel cards', status: 'planned' },
      ],
      links: [
        { kind: 'process', targetId: f.dispatch },
        { kind: 'process', targetId: f.payroll },
      ],
    });
    expect(edited).toMatchObject({ title: 'Diesel supply fails', ownerName: 'Sean Gallagher', residual: { score: 4 }, mitigationCounts: { planned: 1, inProgress: 0, done: 1 } });
    expect(edited.mitigations.find((m) => m.action === 'Second supplier')).toMatchObject({ id: second.id, status: 'done', ownerName: 'Priya Natarajan', dueOn: '2026-12-15' });
    expect(edited.links.map((l) => l.name)).toEqual(['Dispatch', 'Payroll']);
    expect(historyState(f.t.ctx).undoLabel).toBe('Edit risk “Diesel supply fails”');

    const after = snapshot(f.t.ctx);
    undo(f.t.ctx);
    expect(snapshot(f.t.ctx)).toEqual(before);
    redo(f.t.ctx);
    expect(snapshot(f.t.ctx)).toEqual(after);
  });

  it('leaves the lists alone when they are not given, and leaves no change when nothing changed', () => {
    const risk = create(f, { mitigations: [{ action: 'Second supplier', status: 'planned' }], links: [{ kind: 'vendor', targetId: f.fuelCo }] });
    const label = historyState(f.t.ctx).undoLabel;
    const before = snapshot(f.t.ctx);
    update(f, { id: risk.id, title: risk.title, mitigations: risk.mitigations.map(({ id, action, status, ownerPersonId, dueOn }) => ({ id, action, status, ownerPersonId, dueOn })) });
    expect(snapshot(f.t.ctx)).toEqual(before);
    expect(historyState(f.t.ctx).undoLabel).toBe(label);

    const edited = update(f, { id: risk.id, category: 'operational' });
    expect(edited.mitigations).toHaveLength(1);
    expect(edited.links).toHaveLength(1);
  });

  it('keeps an owner who has since left when other fields are edited (only a new choice is checked)', () => {
    const risk = create(f, { ownerPersonId: f.priya, mitigations: [{ action: 'Second supplier', status: 'planned', ownerPersonId: f.priya }] });
    updatePerson(f.t.ctx, { id: f.priya, endDate: '2026-10-31' });
    const m = risk.mitigations[0]!;
    const edited = update(f, { id: risk.id, title: 'Renamed', mitigations: [{ id: m.id, action: m.action, status: 'done', ownerPersonId: f.priya }] });
    expect(edited).toMatchObject({ title: 'Renamed', ownerName: 'Priya Natarajan' });
    expect(refusal(() => update(f, { id: risk.id, mitigations: [{ action: 'New', status: 'planned', ownerPersonId: f.priya }] })).message).toBe(
      'Priya Natarajan left on 2026-10-31: choose someone still with the company as the owner of mitigation 1 (“New”).',
    );
  });

  it('only the list changed still stamps the risk and is one change', () => {
    const risk = create(f);
    update(f, { id: risk.id, links: [{ kind: 'vendor', targetId: f.cloudCo }] });
    expect(historyState(f.t.ctx).undoLabel).toBe('Edit risk “Fuel supplier fails”');
    undo(f.t.ctx);
    expect(getRisk(f.t.ctx, risk.id).links).toEqual([]);
  });
});

describe('deleting a risk', () => {
  it('removes it with its mitigations and links in one change; undo brings all of it back', () => {
    const keep = create(f, { title: 'Payroll key person leaves', category: 'people' });
    const risk = create(f, { mitigations: [{ action: 'Second supplier', status: 'planned' }], links: [{ kind: 'vendor', targetId: f.fuelCo }] });
    const before = snapshot(f.t.ctx);
    deleteRisk(f.t.ctx, risk.id);
    expect(listRisks(f.t.ctx).risks.map((r) => r.id)).toEqual([keep.id]);
    const after = snapshot(f.t.ctx);
    expect(after['risk_mitigations']).toEqual([]);
    expect(after['risk_links']).toEqual([]);
    expect(historyState(f.t.ctx).undoLabel).toBe('Delete risk “Fuel supplier fails”');
    undo(f.t.ctx);
    expect(snapshot(f.t.ctx)).toEqual(before);
    redo(f.t.ctx);
    expect(snapshot(f.t.ctx)).toEqual(after);
  });
});

describe('the appetite and the above-appetite flag', () => {
  it('flags residual scores strictly above the appetite, and follows the appetite as it changes (undoably)', () => {
    create(f, { title: 'Twelve', inherent: { likelihood: 4, impact: 4 }, residual: { likelihood: 3, impact: 4 } });
    create(f, { title: 'Sixteen', inherent: { likelihood: 4, impact: 4 }, residual: { likelihood: 4, impact: 4 } });
    create(f, { title: 'Six', inherent: { likelihood: 5, impact: 5 }, residual: { likelihood: 2, impact: 3 } });
    const flags = () => Object.fromEntries(listRisks(f.t.ctx).risks.map((r) => [r.title, r.aboveAppetite]));

    expect(listRisks(f.t.ctx).appetite).toBe(12);
    // Inherent 25 does not matter: only the residual score is compared.
    expect(flags()).toEqual({ Sixteen: true, Twelve: false, Six: false });
    // Highest residual first.
    expect(listRisks(f.t.ctx).risks.map((r) => r.title)).toEqual(['Sixteen', 'Twelve', 'Six']);

    const before = snapshot(f.t.ctx);
    expect(setRiskAppetite(f.t.ctx, 6)).toEqual({ appetite: 6 });
    expect(historyState(f.t.ctx).undoLabel).toBe('Set risk appetite to 6 (was 12)');
    expect(flags()).toEqual({ Sixteen: true, Twelve: true, Six: false });
    expect(riskHeatMap(f.t.ctx).appetite).toBe(6);
    undo(f.t.ctx);
    expect(snapshot(f.t.ctx)).toEqual(before);
    expect(flags()).toEqual({ Sixteen: true, Twelve: false, Six: false });

    // The same value again is not a change.
    setRiskAppetite(f.t.ctx, 12);
    expect(historyState(f.t.ctx).undoLabel).toBe('Add risk “Six”');
    expect(refusal(() => setRiskAppetite(f.t.ctx, 30)).message).toBe('The risk appetite is a score from 1 to 25 (likelihood × impact); 30 is not.');
    expect(snapshot(f.t.ctx)).toEqual(before);
  });
});

describe('the heat map', () => {
  it('counts risks per cell for residual and inherent scores, with their ids, top row first', () => {
    const a = create(f, { title: 'A', inherent: { likelihood: 5, impact: 5 }, residual: { likelihood: 4, impact: 5 } });
    const b = create(f, { title: 'B', inherent: { likelihood: 5, impact: 5 }, residual: { likelihood: 4, impact: 5 } });
    const c = create(f, { title: 'C', inherent: { likelihood: 3, impact: 2 }, residual: { likelihood: 1, impact: 1 } });
    const map = riskHeatMap(f.t.ctx);
    expect(map.residual).toHaveLength(25);
    expect(map.inherent).toHaveLength(25);
    expect(map.residual[0]).toMatchObject({ likelihood: 5, impact: 1, score: 5 });
    expect(map.residual[24]).toMatchObject({ likelihood: 1, impact: 5, score: 5 });

    const counts = (cells: typeof map.residual) => Object.fromEntries(cells.filter((c) => c.count > 0).map((c) => [`${c.likelihood}×${c.impact}`, c.riskIds]));
    expect(counts(map.residual)).toEqual({ '4×5': [a.id, b.id], '1×1': [c.id] });
    expect(counts(map.inherent)).toEqual({ '5×5': [a.id, b.id], '3×2': [c.id] });
    expect(map.residual.reduce((n, cell) => n + cell.count, 0)).toBe(3);
  });
});

describe('choices for the pickers', () => {
  it('offers active people (not open roles, not leavers), processes and vendors by name', () => {
    const choices = riskChoices(f.t.ctx);
    expect(choices.people.map((p) => p.name)).toEqual(['Priya Natarajan', 'Sean Gallagher']);
    expect(choices.processes.map((p) => p.name)).toEqual(['Dispatch', 'Payroll']);
    expect(choices.vendors.map((v) => v.name)).toEqual(['Alder Cloud', 'Northline Fuel']);
  });
});
