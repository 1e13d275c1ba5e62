// `init <new.sqlite> --from export.json`: a whole workspace restored from its JSON export. The
// round trip runs as a user runs it (child processes on real files); the refusals run in-process
// through the same runCli, and each must leave no file behind.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/core/demo/demo-workspace';
import { exportJson } from '../../electron/core/export/json-export';
import { readExportDocument, restoreWorkspace } from '../../electron/core/export/json-restore';
import { setCommentary, setReportSettings } from '../../electron/core/report/report-settings';
import { openSession } from '../../electron/core/session';
import { workspaceExportSchema, type WorkspaceExport } from '../../shared/export';
import { cliInProcess, cliSandbox, sha256File } from '../helpers/cli';
import { tempWorkspace } from '../helpers/temp-workspace';

const sandbox = cliSandbox('qm-restore-');
const { cli } = sandbox;
/** The demo's export, read in-process; each refusal test spoils a copy of it. */
let demo: WorkspaceExport;

function exportOf(path: string): WorkspaceExport {
  const session = openSession(path);
  try {
    return exportJson(session.ctx);
  } finally {
    session.close();
  }
}

const copy = (): WorkspaceExport => structuredClone(demo);

beforeAll(() => {
  createDemoWorkspace(join(sandbox.dir, 'seed.sqlite'), { asOf: '2026-11-21' });
  demo = exportOf(join(sandbox.dir, 'seed.sqlite'));
});

describe('init --from (round trip, as a user runs it)', () => {
  it('restores the demo so that its export is identical, byte for byte', () => {
    expect(cli('init', 'demo.sqlite', '--demo', '--as-of', '2026-11-21').status).toBe(0);
    // The board pack's settings and commentary, written as the Reports view writes them.
    const session = openSession(join(sandbox.dir, 'demo.sqlite'));
    try {
      setReportSettings(session.ctx, { preparedBy: 'Dana Whitfield, Finance Director', confidentiality: 'Board only — «do not forward».' });
      setCommentary(session.ctx, { period: 'FY2026', text: 'A year of two halves.\n\nFuel drove the overspend.' });
      setCommentary(session.ctx, { period: '2026-10', text: '__proto__ is just text here.' });
      setCommentary(session.ctx, { period: '2026-Q2', text: 'Quarter: on plan.' });
    } finally {
      session.close();
    }
    expect(cli('export', 'demo.sqlite', '--out', 'demo.json').status).toBe(0);
    const restored = cli('init', 'restored.sqlite', '--from', 'demo.json');
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/^created restored\.sqlite from demo\.json \(export version 2: 11 departments, 61 people, \d+ budget lines, \d+ actuals, 6 processes, 5 continuity plans, 12 risks\)\n$/);
    expect(cli('export', 'restored.sqlite', '--out', 'restored.json').status).toBe(0);
    const before = readFileSync(join(sandbox.dir, 'demo.json'), 'utf8');
    expect(readFileSync(join(sandbox.dir, 'restored.json'), 'utf8')).toBe(before);
    const doc = JSON.parse(before) as WorkspaceExport;
    expect(doc.version).toBe(2);
    expect(doc.report).toEqual({
      preparedBy: 'Dana Whitfield, Finance Director',
      confidentiality: 'Board only — «do not forward».',
      commentary: [
        { period: '2026-10', text: '__proto__ is just text here.', updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/) },
        { period: '2026-Q2', text: 'Quarter: on plan.', updatedAt: expect.any(String) },
        { period: 'FY2026', text: 'A year of two halves.\n\nFuel drove the overspend.', updatedAt: expect.any(String) },
      ],
    });
    expect(exportOf(join(sandbox.dir, 'restored.sqlite')).report).toEqual(doc.report);
    expect(cli('check', 'restored.sqlite').status).toBe(0);
  });

  it('leaves nothing to undo in the restored workspace', () => {
    const session = openSession(join(sandbox.dir, 'restored.sqlite'));
    try {
      expect(session.ctx.db.$client.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(0);
      expect(session.ctx.db.$client.pragma('foreign_key_check')).toEqual([]);
    } finally {
      session.close();
    }
  });
});

describe('init --from (in-process)', () => {
  it('reads a version 1 export: the org and budget come back, the registers start empty', () => {
    const v1 = {
      format: 'quartermaster-workspace',
      version: 1,
      workspace: { name: demo.workspace.name, currency: demo.workspace.currency, fiscalYearStartMonth: demo.workspace.fiscalYearStartMonth },
      departments: demo.departments,
      accounts: demo.accounts,
      people: demo.people.map(({ key: _key, phone: _phone, ...p }) => p),
      plans: demo.plans,
      budgetLines: demo.budgetLines,
      actuals: demo.actuals,
    };
    writeFileSync(join(sandbox.dir, 'v1.json'), JSON.stringify(v1));
    const run = cliInProcess(['init', join(sandbox.dir, 'from-v1.sqlite'), '--from', join(sandbox.dir, 'v1.json')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/export version 1: 11 departments, 61 people/);
    const e = exportOf(join(sandbox.dir, 'from-v1.sqlite'));
    expect(e).toEqual({
      ...demo,
      workspace: { ...demo.workspace, impactTolerance: 4, riskAppetite: 12 },
      people: demo.people.map((p) => ({ ...p, phone: null })),
      vendors: [],
      assets: [],
      processes: [],
      dependencies: [],
      continuityPlans: [],
      exercises: [],
      risks: [],
    });
  });

  it('restores a version 2 export written before `report`: the pack settings stay the defaults', () => {
    const { report: _report, ...older } = copy();
    writeFileSync(join(sandbox.dir, 'no-report.json'), JSON.stringify(older));
    const run = cliInProcess(['init', join(sandbox.dir, 'no-report.sqlite'), '--from', join(sandbox.dir, 'no-report.json')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const e = exportOf(join(sandbox.dir, 'no-report.sqlite'));
    // The demo's pack settings are the defaults of a new workspace, so the whole export comes back.
    expect(demo.report).toEqual({ preparedBy: '', confidentiality: expect.stringMatching(/^Confidential\./), commentary: [] });
    expect(e).toEqual(demo);
  });

  it('restores the pack settings and commentary in-process, exactly', () => {
    const withReport = copy();
    withReport.report = {
      preparedBy: 'constructor',
      confidentiality: '',
      commentary: [
        { period: '2025-Q4', text: 'toString', updatedAt: '2026-01-05T09:30:00.000Z' },
        { period: '2026-03', text: 'March.\nSecond line.', updatedAt: '2026-04-02T08:00:00.000Z' },
      ],
    };
    const target = join(sandbox.dir, 'with-report.sqlite');
    restoreWorkspace(target, readExportDocument(JSON.parse(JSON.stringify(withReport)), 'with-report.json').doc);
    expect(exportOf(target)).toEqual(withReport);
  });

  it('keeps exact namesakes and what each of them is referred to by', () => {
    const t = tempWorkspace();
    const target = join(sandbox.dir, 'namesakes.sqlite');
    try {
      const sql = t.ctx.db.$client;
      const at = '2026-11-21T12:00:00.000Z';
      sql.prepare("INSERT INTO departments (id, code, name, created_at, updated_at) VALUES ('d', '220', 'Fleet', ?, ?)").run(at, at);
      // Written in the order b, a: the second namesake by insertion owns the process.
      for (const id of ['b', 'a']) {
        sql.prepare("INSERT INTO people (id, department_id, name, fte, status, created_at, updated_at) VALUES (?, 'd', 'Open role — HGV driver', 1, 'open', ?, ?)").run(id, at, at);
      }
      sql.prepare("INSERT INTO processes (id, name, tier, owner_person_id, created_at, updated_at) VALUES ('p', 'Dispatch', 1, 'a', ?, ?)").run(at, at);
      sql.prepare("INSERT INTO risks (id, title, category, owner_person_id, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, created_at, updated_at) VALUES ('r', 'No drivers', 'people', 'b', 3, 3, 2, 2, ?, ?)").run(at, at);
      const before = exportJson(t.ctx);
      expect(before.processes[0]!.ownerPerson).not.toBe(before.risks[0]!.owner);
      restoreWorkspace(target, readExportDocument(JSON.parse(JSON.stringify(before)), 'namesakes.json').doc);
      expect(exportOf(target)).toEqual(before);
    } finally {
      t.cleanup();
    }
  });

  /** Writes the document (or text), runs init --from, and checks it was refused with nothing left behind. */
  function refused(name: string, content: unknown, message: RegExp) {
    const source = join(sandbox.dir, `${name}.json`);
    writeFileSync(source, typeof content === 'string' ? content : JSON.stringify(content));
    const target = join(sandbox.dir, `${name}.sqlite`);
    const run = cliInProcess(['init', target, '--from', source]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Nothing was written\.$/);
    expect(run.status).toBe(1);
    // No workspace, no -wal or -shm, no backups folder: only the export itself.
    expect(readdirSync(sandbox.dir).filter((f) => f.startsWith(`${name}.`))).toEqual([`${name}.json`]);
  }

  it('refuses a file that is not JSON', () => {
    refused('not-json', '{ "format": "quartermaster-workspace", ', /not-json\.json cannot be restored: it is not JSON/);
    refused('empty', '', /it is not JSON/);
  });

  it('refuses JSON that is not a workspace export', () => {
    refused('array', [1, 2, 3], /it is not a Quartermaster workspace export \(expected a JSON object/);
    refused('other-format', { format: 'acme-budget', version: 2 }, /its "format" is "acme-budget", not "quartermaster-workspace"/);
    refused('no-format', { version: 2 }, /its "format" is missing/);
  });

  it('refuses a version it does not know, naming it', () => {
    refused('future', { ...copy(), version: 3 }, /version 3 of the export, written by a newer Quartermaster; this one reads versions 1 and 2/);
    refused('no-version', { ...copy(), version: undefined }, /its "version" is missing/);
    refused('v1-with-registers', { ...copy(), version: 1 }, /Unrecognized key/);
  });

  it('refuses a document of the wrong shape, naming the first problem and the row it is in', () => {
    const bad = copy();
    bad.processes[0]!.tier = 7;
    refused('bad-tier', bad, /processes\[0\] \(Customer service\)\.tier: Too big: expected number to be <=4/);
    const rto = copy();
    rto.processes[1]!.rtoHours = 500;
    refused('rto-over-mtpd', rto, /processes\[1\] \(Dispatch & route planning\)\.rtoHours: the RTO must not be longer than the MTPD/);
    const extra = copy() as unknown as { risks: Record<string, unknown>[] };
    extra.risks[0]!.score = 20;
    refused('extra-field', extra, /risks\[0\] \(.+\): Unrecognized key: "score"/);
    const missing = copy() as unknown as { vendors: Record<string, unknown>[] };
    delete missing.vendors[0]!.service;
    refused('missing-field', missing, /vendors\[0\] \(FleetFuel Card Services\)\.service: /);
  });

  it('refuses a commentary period that is not a period, or one given twice, naming it', () => {
    const entry = { text: 'Fine month.', updatedAt: '2026-11-01T10:00:00.000Z' };
    const report = (...periods: string[]) => ({ ...copy(), report: { ...demo.report!, commentary: periods.map((period) => ({ period, ...entry })) } });
    refused('bad-period-month', report('2026-09', '2026-13'), /report\.commentary\[1\]\.period: "2026-13" is not a period: write a month \(2026-09\), a quarter \(2026-Q3\) or a fiscal year \(FY2026\)/);
    refused('bad-period-quarter', report('2026-Q5'), /report\.commentary\[0\]\.period: "2026-Q5" is not a period/);
    refused('bad-period-proto', report('__proto__'), /report\.commentary\[0\]\.period: "__proto__" is not a period/);
    refused('bad-period-spaces', report(' FY2026'), /report\.commentary\[0\]\.period: " FY2026" is not a period/);
    refused('duplicate-period', report('FY2026', '2026-09', 'FY2026'), /report\.commentary\[2\]\.period: the commentary for FY2026 appears twice/);
    refused('empty-commentary', { ...copy(), report: { ...demo.report!, commentary: [{ period: 'FY2026', ...entry, text: '' }] } }, /report\.commentary\[0\]\.text: Too small/);
  });

  it('refuses dangling references: a vendor, a person, a plan, a department that are not in the file', () => {
    const vendor = copy();
    const i = vendor.dependencies.findIndex((d) => d.kind === 'vendor');
    vendor.dependencies[i]!.target = 'Ghost Freight Ltd';
    refused('dangling-vendor', vendor, new RegExp(`dependencies\\[${i}\\]\\.target: vendor "Ghost Freight Ltd" is not in the file`));

    const person = copy();
    person.continuityPlans[0]!.steps[0]!.owner = '220/Nobody Atall';
    refused('dangling-person', person, /continuityPlans\[0\] \(Customer service continuity\)\.steps\[0\]\.owner: person "220\/Nobody Atall" is not in the file/);

    const plan = copy();
    plan.exercises[0]!.plan = 'Flood plan';
    refused('dangling-plan', plan, /exercises\[0\]\.plan: continuity plan "Flood plan" is not in the file/);

    const dept = copy();
    dept.people[0]!.departmentCode = '999';
    refused('dangling-department', dept, /people\[0\] \(.+\)\.departmentCode: department "999" is not in the file/);

    const link = copy();
    link.risks[0]!.processes.push('Catering');
    refused('dangling-risk-link', link, /risks\[0\] \(.+\)\.processes\[\d+\]: process "Catering" is not in the file/);

    const caller = copy();
    caller.continuityPlans[0]!.callTree[1]!.calledBy = 40;
    refused('dangling-caller', caller, /callTree\[1\]\.calledBy: there is no call tree entry 40 in this plan/);
  });

  it('refuses duplicates and circles', () => {
    const twice = copy();
    twice.processes.push({ ...twice.processes[0]! });
    refused('duplicate-process', twice, /processes\[6\] \(Customer service\): process "Customer service" appears twice/);

    const keys = copy();
    keys.people[1]!.key = keys.people[0]!.key;
    refused('duplicate-key', keys, /people\[1\] \(.+\): person key ".+" appears twice/);

    const loop = copy();
    loop.continuityPlans[0]!.callTree[0]!.calledBy = 1;
    refused('call-tree-cycle', loop, /continuityPlans\[0\] \(Customer service continuity\)\.callTree\[\d\]\.calledBy: the call tree goes round in a circle/);

    // A person on one call tree twice, or their own alternate: setCallTree refuses both, and so does a restore.
    const again = copy();
    const repeatTree = again.continuityPlans[0]!.callTree;
    repeatTree[1]!.person = repeatTree[0]!.person;
    repeatTree[1]!.alternate = null;
    refused('call-tree-person-twice', again, /continuityPlans\[0\] \(Customer service continuity\)\.callTree\[1\]\.person: person ".+" is on this call tree twice; each person appears once/);
    const self = copy();
    const selfEntry = self.continuityPlans[0]!.callTree[0]!;
    selfEntry.alternate = selfEntry.person;
    refused('call-tree-own-alternate', self, /continuityPlans\[0\] \(Customer service continuity\)\.callTree\[0\]\.alternate: person ".+" cannot be their own alternate/);

    const tree = copy();
    tree.departments[0]!.parentCode = '210';
    refused('department-cycle', tree, /departments\[0\] \(Larkspur Freight\)\.parentCode: department "100" is inside itself/);
  });

  it('refuses what the app refuses, by the same rules, naming the row', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const name = copy();
    name.departments[3]!.name = huge;
    refused('huge-name', name, new RegExp(`^huge-name\\.json cannot be restored: departments\\[3\\] \\(x{57}…\\)\\.name: Too big: expected string to have <=200 characters\\. Nothing was written\\.$`));

    const commentary = copy();
    commentary.report = { ...demo.report!, commentary: [{ period: 'FY2026', text: huge, updatedAt: '2026-11-01T10:00:00.000Z' }] };
    refused('huge-commentary', commentary, /report\.commentary\[0\]\.text: Too big: expected string to have <=20000 characters/);

    // Actuals on a department with sub-departments: the app and imports keep figures on leaves only.
    const parent = copy();
    const top = parent.departments.find((d) => d.parentCode === null)!;
    parent.actuals[5]!.departmentCode = top.code;
    refused('actuals-on-parent', parent, new RegExp(`actuals\\[5\\]\\.departmentCode: department ${top.code} ${top.name} has sub-departments; budget lines and actuals live only on departments without sub-departments`));

    const line = copy();
    line.budgetLines[0]!.departmentCode = top.code;
    refused('budget-on-parent', line, /budgetLines\[0\]\.departmentCode: department .+ has sub-departments/);

    const dates = copy();
    Object.assign(dates.people[2]!, { startDate: '2026-05-01', endDate: '2026-04-30' });
    refused('person-dates', dates, /people\[2\] \(.+\)\.endDate: The end date \(2026-04-30\) is before the start date \(2026-05-01\)/);

    const plan = copy();
    plan.plans[0]!.name = 'Anything';
    refused('plan-name', plan, /plans\[0\] \(Anything\)\.name: a plan is named by its year and scenario: "FY\d{4} · .+"/);

    const risk = copy();
    risk.risks[0]!.description = 'd'.repeat(4001);
    refused('long-risk', risk, /risks\[0\] \(.+\)\.description: a description is at most 4,000 characters/);
  });

  it("refuses what the services refuse: negative money, a residual rating above the inherent one, processes waiting on each other", () => {
    const spend = copy();
    spend.vendors[1]!.annualSpendMinor = -500;
    refused('negative-spend', spend, new RegExp(`vendors\\[1\\] \\(.+\\)\\.annualSpendMinor: The annual spend with .+ cannot be negative; got -5(\\.00)?\\. Nothing`));

    const risk = copy();
    Object.assign(risk.risks[2]!, { inherentImpact: 2, residualImpact: 4, residualLikelihood: 1, inherentLikelihood: 3 });
    refused('residual-above', risk, /risks\[2\] \(.+\)\.residualImpact: Residual impact 4 is above inherent impact 2: mitigations lower a risk, they do not raise it/);

    const self = copy();
    const p0 = self.processes[0]!.name;
    self.dependencies.push({ process: p0, kind: 'process', target: p0, recoveryHours: null, notes: null });
    refused('self-dependency', self, new RegExp(`dependencies\\[${self.dependencies.length - 1}\\]\\.target: ${p0} cannot depend on itself`));

    const loop = copy();
    const [a, b, c] = loop.processes.map((p) => p.name);
    loop.dependencies = loop.dependencies.filter((d) => d.kind !== 'process');
    loop.dependencies.push(
      { process: a!, kind: 'process', target: b!, recoveryHours: null, notes: null },
      { process: b!, kind: 'process', target: c!, recoveryHours: null, notes: null },
      { process: c!, kind: 'process', target: a!, recoveryHours: null, notes: null },
    );
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    refused(
      'dependency-cycle',
      loop,
      new RegExp(`dependencies\\[\\d+\\]\\.target: ${escape(c!)} cannot depend on ${escape(a!)}: ${escape(a!)} already depends on ${escape(c!)} \\(${escape(a!)} → ${escape(b!)} → ${escape(c!)}\\), and processes that wait on each other could never be recovered`),
    );
  });

  it('removes the new file when writing fails after it was created', () => {
    // A blank workspace name is refused by the check, by the app's rule for the name…
    refused('no-name', { ...copy(), workspace: { ...demo.workspace, name: ' ' } }, /no-name\.json cannot be restored: workspace\.name: Too small/);
    // …so a document that skipped the check stands in for any failure mid-write: setting up the workspace refuses it.
    const target = join(sandbox.dir, 'mid-write.sqlite');
    expect(() => restoreWorkspace(target, { ...copy(), workspace: { ...demo.workspace, name: ' ' } })).toThrow(
      /The workspace could not be restored into mid-write\.sqlite \(the new file was removed\): Cannot set up the workspace: name: name is required/,
    );
    expect(readdirSync(sandbox.dir).filter((f) => f.startsWith('mid-write.'))).toEqual([]);
  });

  it('never overwrites a file, and refuses a missing export', () => {
    const precious = join(sandbox.dir, 'precious.sqlite');
    writeFileSync(precious, 'not to be overwritten');
    const hash = sha256File(precious);
    writeFileSync(join(sandbox.dir, 'ok.json'), JSON.stringify(demo));
    const run = cliInProcess(['init', precious, '--from', join(sandbox.dir, 'ok.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/already exists/);
    expect(sha256File(precious)).toBe(hash);

    const missing = cliInProcess(['init', join(sandbox.dir, 'from-nothing.sqlite'), '--from', join(sandbox.dir, 'nothing.json')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/There is no file .*nothing\.json to restore from/);
    expect(existsSync(join(sandbox.dir, 'from-nothing.sqlite'))).toBe(false);
  });

  it.each([
    [['--from', 'ok.json', '--demo']],
    [['--from', 'ok.json', '--name', 'Other']],
    [['--from', 'ok.json', '--currency', 'EUR']],
    [['--from', '  ']],
    [['--from']],
  ])('init x.sqlite %j is a usage error (exit 2) that creates nothing', (args) => {
    const run = cliInProcess(['init', join(sandbox.dir, 'x.sqlite'), ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Usage: npm run cli/);
    expect(existsSync(join(sandbox.dir, 'x.sqlite'))).toBe(false);
  });

  it('accepts its own export in the schema, and the schema refuses what restore refuses', () => {
    expect(workspaceExportSchema.safeParse(demo).success).toBe(true);
    const bad = copy();
    bad.dependencies[0]!.process = 'Nope';
    expect(workspaceExportSchema.safeParse(bad).success).toBe(false);
  });
});
