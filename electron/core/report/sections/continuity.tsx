/** @jsxRuntime automatic */
/**
 * Business continuity readiness for the board: the overall score, each critical process's score
 * with its tier (and each scenario plan's), the gaps found with the fix for each, and exercises held in the last twelve
 * months against those due. Read through continuityOverview — the Continuity view's own numbers —
 * judged on the pack's prepared date so the same state gives the same page.
 */
import { Text, View } from '@react-pdf/renderer';
import { planScenarioLabels, type ContinuityOverview, type Readiness, type ReadinessGap } from '../../../../shared/continuity';
import { formatHours } from '../../continuity/readiness';
import { continuityOverview } from '../../continuity/views';
import { onDay } from '../go-bag/go-bag-data';
import { longDate } from '../pdf/kit';
import { formatDate } from '../../../../shared/date-format';
import { section } from '../pack';
import { ScoreBar } from '../pdf/charts';
import { colors, Heading, PackPage, SectionTitle, styles } from '../pdf/kit';

const severityLabels: Record<ReadinessGap['severity'], string> = { high: 'High', medium: 'Medium', low: 'Low' };
const severityColors: Record<ReadinessGap['severity'], string> = { high: colors.unfavourable, medium: colors.ink, low: colors.muted };

function Tile({ label, value, detail, width }: { label: string; value: string; detail: string; width: number }) {
  return (
    <View style={{ width, backgroundColor: colors.band, padding: 9 }} wrap={false}>
      <Text style={{ fontSize: 7, color: colors.muted, textTransform: 'uppercase', letterSpacing: 0.4 }}>{label}</Text>
      <Text style={{ fontSize: 16, fontWeight: 600, marginTop: 3 }}>{value}</Text>
      <Text style={{ fontSize: 7.5, color: colors.muted, marginTop: 2 }}>{detail}</Text>
    </View>
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function ProcessTable({ overview, width, locale }: { overview: ContinuityOverview; width: number; locale: string }) {
  const cols = { tier: 30, rto: 50, last: 62, next: 62, score: 86, gaps: 34 };
  const name = width - Object.values(cols).reduce((s, w) => s + w, 0);
  return (
    <View>
      <View style={styles.headRow}>
        <Text style={[styles.headCell, { width: name }]}>Process · owner</Text>
        <Text style={[styles.headCell, { width: cols.tier }]}>Tier</Text>
        <Text style={[styles.headCell, { width: cols.rto }]}>RTO</Text>
        <Text style={[styles.headCell, { width: cols.last }]}>Last exercised</Text>
        <Text style={[styles.headCell, { width: cols.next }]}>Next due</Text>
        <Text style={[styles.headCell, { width: cols.score }]}>Readiness</Text>
        <Text style={[styles.headCell, styles.num, { width: cols.gaps }]}>Gaps</Text>
      </View>
      {overview.processes.map((p) => {
        // Never exercised counts as due (as counts.exercisesDue has it) once there is a plan to exercise.
        const neverExercised = p.planCount > 0 && p.lastExercisedOn === null;
        const due = neverExercised || (p.nextExerciseDue !== null && p.nextExerciseDue < overview.today);
        const next = p.planCount === 0 ? 'no plan' : neverExercised ? 'due now' : p.nextExerciseDue ? formatDate(p.nextExerciseDue, locale) : '—';
        const owner = [p.ownerPersonName, p.ownerDepartmentName].filter(Boolean).join(' · ') || 'No owner named';
        return <TableRow key={p.id} cols={cols} name={name} title={p.name} sub={owner} tier={String(p.tier)} rto={p.rtoHours === null ? 'not set' : formatHours(p.rtoHours)} last={p.lastExercisedOn && formatDate(p.lastExercisedOn, locale)} next={next} due={due} overdue={due && !neverExercised} readiness={p.readiness} />;
      })}
      {overview.scenarioPlans.length > 0 ? (
        <View minPresenceAhead={30} style={{ marginTop: 6, paddingBottom: 2, borderBottomWidth: 0.5, borderBottomColor: colors.ink }}>
          <Text style={styles.headCell}>Scenario plans · whole-company disruptions</Text>
        </View>
      ) : null}
      {overview.scenarioPlans.map((p) => {
        const neverExercised = p.lastExercisedOn === null;
        const due = neverExercised || (p.nextExerciseDue !== null && p.nextExerciseDue < overview.today);
        const next = neverExercised ? 'due now' : p.nextExerciseDue ? formatDate(p.nextExerciseDue, locale) : '—';
        return <TableRow key={p.id} cols={cols} name={name} title={p.name} sub={p.scenario ? planScenarioLabels[p.scenario] : 'Scenario plan'} tier="—" rto="—" last={p.lastExercisedOn && formatDate(p.lastExercisedOn, locale)} next={next} due={due} overdue={due && !neverExercised} readiness={p.readiness} />;
      })}
    </View>
  );
}

interface RowProps {
  cols: { tier: number; rto: number; last: number; next: number; score: number; gaps: number };
  name: number;
  title: string;
  sub: string;
  tier: string;
  rto: string;
  last: string | null;
  next: string;
  /** Due (shown in colour); overdue also gets the "!". */
  due: boolean;
  overdue: boolean;
  readiness: Readiness;
}

function TableRow({ cols, name, title, sub, tier, rto, last, next, due, overdue, readiness }: RowProps) {
  return (
    <View style={styles.row} wrap={false}>
      <View style={{ width: name, paddingRight: 6 }}>
        <Text style={styles.strong}>{title}</Text>
        <Text style={{ fontSize: 7, color: colors.muted }}>{sub}</Text>
      </View>
      <Text style={{ width: cols.tier }}>{tier}</Text>
      <Text style={{ width: cols.rto }}>{rto}</Text>
      <Text style={{ width: cols.last }}>{last ?? 'never'}</Text>
      <Text style={{ width: cols.next, color: due ? colors.unfavourable : colors.ink, fontWeight: due ? 600 : 400 }}>{`${next}${overdue ? ' !' : ''}`}</Text>
      <View style={{ width: cols.score, flexDirection: 'row', alignItems: 'center' }}>
        <Text style={[styles.num, styles.strong, { width: 20, marginRight: 5 }]}>{readiness.score}</Text>
        <ScoreBar score={readiness.score} width={cols.score - 30} />
      </View>
      <Text style={[styles.num, { width: cols.gaps }]}>{readiness.gaps.length}</Text>
    </View>
  );
}

function GapList({ overview, width }: { overview: ContinuityOverview; width: number }) {
  const withGaps = [
    ...overview.processes.map((p) => ({ id: p.id, name: p.name, kind: `Tier ${p.tier}`, readiness: p.readiness })),
    ...overview.scenarioPlans.map((p) => ({ id: p.id, name: p.name, kind: p.scenario ? `scenario plan, ${planScenarioLabels[p.scenario].toLowerCase()}` : 'scenario plan', readiness: p.readiness })),
  ].filter((p) => p.readiness.gaps.length > 0);
  if (withGaps.length === 0) return <Text style={{ color: colors.muted }}>No gaps: every process has a current, exercised plan its dependencies can meet.</Text>;
  const sev = 44;
  return (
    <View>
      {withGaps.map((p) => (
        <View key={p.id}>
          <View minPresenceAhead={36} style={{ flexDirection: 'row', marginTop: 8, marginBottom: 2, borderBottomWidth: 0.5, borderBottomColor: colors.ink, paddingBottom: 2 }}>
            <Text style={[styles.strong, { flex: 1 }]}>
              {p.name} <Text style={{ fontWeight: 400, color: colors.muted }}>· {p.kind}</Text>
            </Text>
            <Text style={{ color: colors.muted }}>score {p.readiness.score}</Text>
          </View>
          {p.readiness.gaps.map((g, i) => (
            <View key={i} style={{ flexDirection: 'row', paddingVertical: 2.5, borderBottomWidth: 0.5, borderBottomColor: colors.rule }} wrap={false}>
              <Text style={{ width: sev, fontSize: 7.5, fontWeight: 700, color: severityColors[g.severity], textTransform: 'uppercase' }}>{severityLabels[g.severity]}</Text>
              <View style={{ width: width - sev }}>
                <Text>{g.message}</Text>
                <Text style={{ fontSize: 8, color: colors.muted, marginTop: 1 }}>Fix: {g.fix}</Text>
              </View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

export const continuitySection = section({
  id: 'continuity',
  title: 'Business continuity readiness',
  load(reader) {
    return { overview: continuityOverview(onDay(reader.ctx, reader.scope.preparedOn)) };
  },
  render({ overview }, env) {
    const { scope } = env;
    const width = env.width.portrait;
    const { counts } = overview;
    const gap = 8;
    const tile = (width - 3 * gap) / 4;
    const tiers = counts.byTier.flatMap((n, i) => (n > 0 ? [`${n} Tier ${i + 1}`] : [])).join(' · ');
    const scenarioGaps = overview.scenarioPlans.reduce((n, p) => n + p.readiness.gaps.length, 0);
    const scenariosWithGaps = overview.scenarioPlans.filter((p) => p.readiness.gaps.length > 0).length;
    const gapsWhere = `in ${counts.processesWithGaps} of ${plural(counts.processes, 'process', 'processes')}${scenariosWithGaps > 0 ? ` and ${plural(scenariosWithGaps, 'scenario plan', 'scenario plans')}` : ''}`;
    return (
      <PackPage bookmark="Business continuity readiness" paper={scope.paper} frame={env.frame}>
        <SectionTitle
          id="continuity"
          title="Business continuity readiness"
          lead={`As judged on ${longDate(overview.today, env.scope.locale)}. Each critical process starts at 100 and loses the points of each kind of gap found; the overall score weights Tier 1 processes four times as much as Tier 4.`}
          ledger={env.ledger}
        />
        {overview.processes.length === 0 ? (
          <Text style={{ fontSize: 10 }}>No critical processes are recorded yet, so there is no readiness to report.</Text>
        ) : (
          <>
            <View style={{ flexDirection: 'row', justifyContent: 'space-between', marginBottom: 12 }}>
              <Tile label="Overall readiness" value={`${overview.overallScore ?? 0} / 100`} detail="tier-weighted mean of the process scores" width={tile} />
              <Tile label="Critical processes" value={String(counts.processes)} detail={tiers} width={tile} />
              <Tile label="Gaps found" value={String(counts.gaps + scenarioGaps)} detail={gapsWhere} width={tile} />
              <Tile
                label="Exercises"
                value={`${counts.exercisesLastYear} held`}
                detail={`in the last 12 months · ${plural(counts.exercisesDue, 'process', 'processes')} due`}
                width={tile}
              />
            </View>
            <ProcessTable overview={overview} width={width} locale={env.scope.locale} />
            <Text style={styles.note}>
              Next due: the date set at the last exercise, else a year after it; "!" marks an overdue exercise, "due now" a plan never exercised.
            </Text>
            <Heading>Gaps and what fixes them</Heading>
            <GapList overview={overview} width={width} />
          </>
        )}
      </PackPage>
    );
  },
});
