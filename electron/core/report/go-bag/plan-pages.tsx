/** @jsxRuntime automatic */
/**
 * One plan of the go-bag, in the order it is used: when to activate it, whom to call, what to do
 * by when, how to work around, what the process depends on and how to reach the vendors. On A4
 * and Letter the steps, dependencies and vendors are tables; on the phone page each is a card
 * read top to bottom.
 */
import { Text, View } from '@react-pdf/renderer';
import { planScenarioLabels, tierLabels, type Dependency, type PlanStep, type Vendor } from '../../../../shared/continuity';
import { formatHours } from '../../continuity/readiness';
import { colors, type PageLedger } from '../pdf/kit';
import { CallTree } from './call-tree';
import type { Contact, GoBagPlan } from './go-bag-data';
import { GoBagPage, Muted, PartHeading, TickBox, Warning, type Layout } from './layout';

/** "30 minutes" under an hour (a step's deadline often is), else as the Continuity view says it. */
function duration(h: number): string {
  return h > 0 && h < 1 ? `${Math.round(h * 60)} minutes` : formatHours(h);
}

function hours(h: number | null): string {
  return h === null ? 'not set' : duration(h);
}

function phoneText(phone: string | null | undefined): string {
  return phone === null || phone === undefined || phone === '' ? 'no phone on record' : phone;
}

function Paragraphs({ text, empty, layout }: { text: string; empty: string; layout: Layout }) {
  const parts = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return <Muted layout={layout}>{empty}</Muted>;
  return (
    <View>
      {parts.map((p, i) => (
        <Text key={i} style={{ marginBottom: 5 }}>
          {p}
        </Text>
      ))}
    </View>
  );
}

function Fact({ label, value, layout, width }: { label: string; value: string; layout: Layout; width: number | string }) {
  return (
    <View style={{ width, paddingVertical: 3, paddingRight: 6 }}>
      <Text style={{ fontSize: layout.type.small, color: colors.muted, textTransform: 'uppercase', letterSpacing: 0.3 }}>{label}</Text>
      <Text style={{ fontWeight: 600, marginTop: 1 }}>{value}</Text>
    </View>
  );
}

function PlanHeader({ item, layout, people, ledger }: { item: GoBagPlan; layout: Layout; people: Record<string, Contact>; ledger: PageLedger }) {
  const { plan, process } = item;
  const scope = process
    ? `Recovery plan for ${process.name} · ${tierLabels[process.tier as 1 | 2 | 3 | 4] ?? `Tier ${process.tier}`}`
    : `Scenario plan${plan.scenario ? `: ${planScenarioLabels[plan.scenario]}` : ''}`;
  const owner = process?.ownerPersonId ? people[process.ownerPersonId] : undefined;
  const factWidth = layout.narrow ? '50%' : '25%';
  return (
    <View>
      <View
        render={({ pageNumber }) => {
          ledger.record(plan.id, pageNumber);
          return null;
        }}
      />
      <Text style={{ fontSize: layout.type.title, fontWeight: 700, color: colors.accent }}>{plan.name}</Text>
      <Text style={{ color: colors.muted, marginTop: 2 }}>
        {scope}
        {process && plan.scenario ? ` · ${planScenarioLabels[plan.scenario]}` : ''}
      </Text>
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', backgroundColor: colors.band, paddingHorizontal: 8, paddingVertical: 4, marginTop: 8 }}>
        {process ? (
          <>
            <Fact layout={layout} width={factWidth} label="Recovery time (RTO)" value={hours(process.rtoHours)} />
            <Fact layout={layout} width={factWidth} label="Data loss (RPO)" value={hours(process.rpoHours)} />
            <Fact layout={layout} width={factWidth} label="Max. outage (MTPD)" value={hours(process.mtpdHours)} />
          </>
        ) : null}
        <Fact layout={layout} width={factWidth} label="Last reviewed" value={plan.reviewedOn ?? 'never'} />
        <Fact layout={layout} width={factWidth} label="Last exercised" value={plan.lastExercisedOn ?? 'never'} />
        {process ? (
          <Fact
            layout={layout}
            width={layout.narrow ? '100%' : '75%'}
            label="Process owner"
            value={process.ownerPersonName ? `${process.ownerPersonName}${owner ? `  ${phoneText(owner.phone)}` : ''}` : 'not named'}
          />
        ) : null}
      </View>
    </View>
  );
}

function StepTable({ steps, layout }: { steps: PlanStep[]; layout: Layout }) {
  const cols = { n: 20, who: 150, within: 66, tick: 34 };
  const head = { fontSize: layout.type.small, fontWeight: 600, color: colors.muted } as const;
  return (
    <View>
      <View style={{ flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: colors.ink, paddingBottom: 3 }}>
        <Text style={[head, { width: cols.n }]}>#</Text>
        <Text style={[head, { flex: 1 }]}>What</Text>
        <Text style={[head, { width: cols.who }]}>Who</Text>
        <Text style={[head, { width: cols.within, textAlign: 'right' }]}>Within</Text>
        <Text style={[head, { width: cols.tick, textAlign: 'right' }]}>Done</Text>
      </View>
      {steps.map((s, i) => (
        <View key={s.id} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 4 }}>
          <Text style={{ width: cols.n, fontWeight: 700, color: colors.accent }}>{i + 1}</Text>
          <Text style={{ flex: 1, paddingRight: 8 }}>{s.action}</Text>
          <View style={{ width: cols.who, paddingRight: 6 }}>
            <Text style={{ fontWeight: 600 }}>{s.ownerName}</Text>
            <Text style={{ color: s.ownerPhone ? colors.ink : colors.muted }}>{phoneText(s.ownerPhone)}</Text>
            {s.ownerLeft ? <Warning layout={layout}>Has left: reassign this step.</Warning> : null}
          </View>
          <Text style={{ width: cols.within, textAlign: 'right', fontWeight: 600 }}>{s.withinHours === null ? '—' : duration(s.withinHours)}</Text>
          <View style={{ width: cols.tick, alignItems: 'flex-end' }}>
            <TickBox size={9} />
          </View>
        </View>
      ))}
    </View>
  );
}

function StepCards({ steps, layout }: { steps: PlanStep[]; layout: Layout }) {
  return (
    <View>
      {steps.map((s, i) => (
        <View key={s.id} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 5 }}>
          <Text style={{ width: 20, fontWeight: 700, color: colors.accent }}>{i + 1}</Text>
          <View style={{ flex: 1 }}>
            <Text style={{ paddingRight: 8 }}>{s.action}</Text>
            <Text style={{ marginTop: 2 }}>
              <Text style={{ fontWeight: 600 }}>{s.ownerName}</Text>
              <Text style={{ color: s.ownerPhone ? colors.ink : colors.muted }}>{`  ${phoneText(s.ownerPhone)}`}</Text>
            </Text>
            {s.ownerLeft ? <Warning layout={layout}>Has left: reassign this step.</Warning> : null}
            <Text style={{ fontSize: layout.type.small + 0.5, color: colors.muted, marginTop: 1 }}>
              {s.withinHours === null ? 'No time set' : `Within ${duration(s.withinHours)} of activation`}
            </Text>
          </View>
          <View style={{ marginLeft: 6 }}>
            <TickBox size={11} />
          </View>
        </View>
      ))}
    </View>
  );
}

const kindLabels: Record<Dependency['kind'], string> = { person: 'Person', process: 'Process', system: 'System', site: 'Site', vendor: 'Vendor' };
const sourceLabels: Record<NonNullable<Dependency['recoverySource']>, string> = {
  dependency: '',
  vendor: 'as the vendor states',
  asset: 'as recorded for it',
  process: "that process's RTO",
};

function recoveryText(d: Dependency): string {
  if (d.effectiveRecoveryHours === null) return 'not known';
  const source = d.recoverySource ? sourceLabels[d.recoverySource] : '';
  return source ? `${formatHours(d.effectiveRecoveryHours)} (${source})` : formatHours(d.effectiveRecoveryHours);
}

function DependencyDetail({ d, item, people, layout }: { d: Dependency; item: GoBagPlan; people: Record<string, Contact>; layout: Layout }) {
  const person = d.kind === 'person' ? people[d.targetId] : undefined;
  const asset = item.assets.find((a) => a.id === d.targetId);
  return (
    <>
      {person ? <Text style={{ color: person.phone ? colors.ink : colors.muted }}>{phoneText(person.phone)}</Text> : null}
      {asset?.description ? <Muted layout={layout}>{asset.description}</Muted> : null}
      {d.notes ? <Muted layout={layout}>{d.notes}</Muted> : null}
      {d.exceedsRto ? (
        <Warning layout={layout}>Recovers more slowly than the RTO of {hours(item.process?.rtoHours ?? null)}: plan a workaround.</Warning>
      ) : null}
    </>
  );
}

function Dependencies({ item, people, layout }: { item: GoBagPlan; people: Record<string, Contact>; layout: Layout }) {
  const { dependencies } = item;
  if (dependencies.length === 0) return <Muted layout={layout}>No dependencies are recorded for {item.process?.name ?? 'this plan'}.</Muted>;
  if (layout.narrow) {
    return (
      <View>
        {dependencies.map((d) => (
          <View key={d.id} wrap={false} style={{ borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 4 }}>
            <Text>
              <Text style={{ fontWeight: 600 }}>{d.targetName}</Text>
              <Text style={{ color: colors.muted, fontSize: layout.type.small + 0.5 }}>{`  ${kindLabels[d.kind]}`}</Text>
            </Text>
            <Text style={{ fontSize: layout.type.small + 0.5 }}>{d.effectiveRecoveryHours === null ? 'Recovery time not known' : `Recovers in ${recoveryText(d)}`}</Text>
            <DependencyDetail d={d} item={item} people={people} layout={layout} />
          </View>
        ))}
      </View>
    );
  }
  const cols = { kind: 58, recovery: 150 };
  const head = { fontSize: layout.type.small, fontWeight: 600, color: colors.muted } as const;
  return (
    <View>
      <View style={{ flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: colors.ink, paddingBottom: 3 }}>
        <Text style={[head, { width: cols.kind }]}>Kind</Text>
        <Text style={[head, { flex: 1 }]}>Depends on</Text>
        <Text style={[head, { width: cols.recovery }]}>Recovery time</Text>
      </View>
      {dependencies.map((d) => (
        <View key={d.id} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 3.5 }}>
          <Text style={{ width: cols.kind, color: colors.muted }}>{kindLabels[d.kind]}</Text>
          <View style={{ flex: 1, paddingRight: 8 }}>
            <Text style={{ fontWeight: 600 }}>{d.targetName}</Text>
            <DependencyDetail d={d} item={item} people={people} layout={layout} />
          </View>
          <Text style={{ width: cols.recovery }}>{recoveryText(d)}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * The vendor cards, a row at a time (two across, one on the phone page). The heading travels
 * with the first row: a card never breaks, so a heading kept only by a fixed height ahead could
 * still be left alone above a tall card.
 */
function VendorContacts({ layout, n, vendors, processName }: { layout: Layout; n: number; vendors: readonly Vendor[]; processName: string }) {
  const heading = (
    <PartHeading layout={layout} n={n}>
      Vendor contacts
    </PartHeading>
  );
  if (vendors.length === 0) {
    return (
      <View wrap={false}>
        {heading}
        <Muted layout={layout}>{processName} depends on no vendor.</Muted>
      </View>
    );
  }
  const perRow = layout.narrow ? 1 : 2;
  const rows: Vendor[][] = [];
  for (let i = 0; i < vendors.length; i += perRow) rows.push(vendors.slice(i, i + perRow));
  const row = (cards: readonly Vendor[]) => (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
      {cards.map((v) => (
        <VendorCard key={v.id} v={v} layout={layout} />
      ))}
    </View>
  );
  return (
    <>
      {rows.map((cards, i) => (
        <View key={cards[0]!.id} wrap={false}>
          {i === 0 ? heading : null}
          {row(cards)}
        </View>
      ))}
    </>
  );
}

function VendorCard({ v, layout }: { v: Vendor; layout: Layout }) {
  const line = (label: string, value: string | null, strong = false) => (
    <View style={{ flexDirection: 'row', marginTop: 1.5 }}>
      <Text style={{ width: layout.narrow ? 64 : 70, color: colors.muted, fontSize: layout.type.small + 0.5 }}>{label}</Text>
      <Text style={{ flex: 1, fontWeight: strong ? 700 : 400, color: value ? colors.ink : colors.muted }}>{value ?? 'not recorded'}</Text>
    </View>
  );
  return (
    <View wrap={false} style={{ width: layout.narrow ? '100%' : '49%', borderWidth: 0.6, borderColor: colors.rule, padding: 7, marginBottom: 7 }}>
      <Text style={{ fontWeight: 700 }}>{v.name}</Text>
      {v.service ? <Text style={{ color: colors.muted, fontSize: layout.type.small + 0.5, marginBottom: 2 }}>{v.service}</Text> : null}
      {line('Contact', v.contactName)}
      {line('Phone', v.phone, true)}
      {line('Email', v.email)}
      {line('Recovers in', v.recoveryHours === null ? null : `${formatHours(v.recoveryHours)} (as they state)`)}
      {line('Contract end', v.contractEnd)}
      {v.contractEnded ? <Warning layout={layout}>The contract has ended: confirm they will still serve you.</Warning> : null}
    </View>
  );
}

export function PlanPages({
  item,
  layout,
  company,
  asOf,
  people,
  ledger,
}: {
  item: GoBagPlan;
  layout: Layout;
  company: string;
  asOf: string;
  people: Record<string, Contact>;
  ledger: PageLedger;
}) {
  const { plan, process } = item;
  let n = 0;
  return (
    <GoBagPage layout={layout} company={company} title={plan.name} asOf={asOf} bookmark={plan.name}>
      <PlanHeader item={item} layout={layout} people={people} ledger={ledger} />

      <PartHeading layout={layout} n={++n}>
        Activation criteria
      </PartHeading>
      <Paragraphs layout={layout} text={plan.activationCriteria} empty="No activation criteria are recorded: the plan owner decides when to activate." />

      <PartHeading layout={layout} n={++n}>
        Call tree
      </PartHeading>
      {plan.callTree.length === 0 ? (
        <Muted layout={layout}>No call tree is recorded for this plan.</Muted>
      ) : (
        <>
          <Text style={{ fontSize: layout.type.small + 0.5, color: colors.muted, marginBottom: 3 }}>
            Each person calls the people listed under them. If someone cannot be reached, call their alternate and carry on down the tree.
          </Text>
          <CallTree layout={layout} entries={plan.callTree} people={people} />
        </>
      )}

      <PartHeading layout={layout} n={++n}>
        Recovery steps
      </PartHeading>
      {plan.steps.length === 0 ? (
        <Muted layout={layout}>No recovery steps are recorded for this plan.</Muted>
      ) : (
        <>
          <Text style={{ fontSize: layout.type.small + 0.5, color: colors.muted, marginBottom: 3 }}>In order; times count from activation.</Text>
          {layout.narrow ? <StepCards steps={plan.steps} layout={layout} /> : <StepTable steps={plan.steps} layout={layout} />}
        </>
      )}

      {plan.workarounds.trim() === '' ? null : (
        <>
          <PartHeading layout={layout} n={++n}>
            Workarounds
          </PartHeading>
          <Paragraphs layout={layout} text={plan.workarounds} empty="" />
        </>
      )}

      {process ? (
        <>
          <PartHeading layout={layout} n={++n}>
            Dependencies
          </PartHeading>
          <Dependencies item={item} people={people} layout={layout} />

          <VendorContacts layout={layout} n={++n} vendors={item.vendors} processName={process.name} />
        </>
      ) : null}
    </GoBagPage>
  );
}
