/** @jsxRuntime automatic */
/**
 * Top risks for the board: the 5 × 5 map of residual scores with the director's appetite drawn on
 * it, and every risk above the appetite with its owner and where its mitigations stand. Read
 * through the risk register's own functions (topRisks, riskRegister), judged on the pack's
 * prepared date.
 */
import { formatDate } from '../../../../shared/date-format';
import { Svg, Rect, Text, View } from '@react-pdf/renderer';
import { impactLabels, likelihoodLabels, mitigationStatusLabels, riskCategoryLabels, scoreBandLabels, scoreBandRanges, scoreBands, type Mitigation } from '../../../../shared/risks';
import { riskRegister, topRisks, type TopRisk } from '../../risks/risk-report';
import { onDay } from '../go-bag/go-bag-data';
import { section } from '../pack';
import { RiskHeatMap } from '../pdf/charts';
import { colors, Heading, PackPage, SectionTitle, styles } from '../pdf/kit';

/** Every risk: topRisks orders them (above appetite first), the section prints those above it. */
const EVERY_RISK = Number.MAX_SAFE_INTEGER;

const bandSwatches = { low: '#e4efe7', medium: '#f7ecc8', high: '#f2c9a8', critical: '#e39a9a' } as const;

/** "Kenji Watanabe (left 2026-11-01)": an owner who has left is named with the day they went, so the board sees the risk needs a new one. */
function ownerText(name: string | null, leftOn: string | null, none: string, locale: string): string {
  if (name === null) return none;
  return leftOn ? `${name} (left ${formatDate(leftOn, locale)})` : name;
}

interface BoardRisk extends TopRisk {
  /** Mitigations not yet done, in the register's order. */
  open: Mitigation[];
}

function RiskRow({
  r,
  n,
  cols,
  width,
  locale,
}: {
  r: BoardRisk;
  n: number;
  cols: Record<'n' | 'owner' | 'residual' | 'inherent' | 'status', number>;
  width: number;
  locale: string;
}) {
  const title = width - Object.values(cols).reduce((s, w) => s + w, 0);
  return (
    <View style={styles.row} wrap={false}>
      <Text style={{ width: cols.n, color: colors.muted }}>{n}</Text>
      <View style={{ width: title, paddingRight: 6 }}>
        <Text style={styles.strong}>{r.title}</Text>
        <Text style={{ fontSize: 7, color: colors.muted }}>
          {riskCategoryLabels[r.category]}
          {r.reviewOverdue && r.reviewDate ? ` · review overdue (${formatDate(r.reviewDate, locale)})` : r.reviewDate ? ` · review ${formatDate(r.reviewDate, locale)}` : ''}
        </Text>
        {r.open.map((m) => (
          <Text key={m.id} style={{ fontSize: 7.5, marginTop: 1.5 }}>
            <Text style={{ color: colors.muted }}>{mitigationStatusLabels[m.status]}: </Text>
            {m.action}
            <Text style={{ color: colors.muted }}>
              {` — ${ownerText(m.ownerName, m.ownerLeftOn, 'no owner', locale)}`}
              {m.dueOn ? `, due ${formatDate(m.dueOn, locale)}` : ''}
            </Text>
          </Text>
        ))}
      </View>
      <Text style={{ width: cols.owner, paddingRight: 4, color: r.ownerLeftOn ? colors.unfavourable : colors.ink }}>{ownerText(r.ownerName, r.ownerLeftOn, 'No owner', locale)}</Text>
      <Text style={[styles.num, styles.strong, { width: cols.residual, color: r.aboveAppetite ? colors.unfavourable : colors.ink }]}>
        {r.residual.likelihood} × {r.residual.impact} = {r.residual.score}
      </Text>
      <Text style={[styles.num, { width: cols.inherent }]}>{r.inherentScore}</Text>
      <Text style={{ width: cols.status, paddingLeft: 8, fontSize: 8 }}>{r.mitigationStatus}</Text>
    </View>
  );
}

export const risksSection = section({
  id: 'risks',
  title: 'Top risks',
  load(reader) {
    const ctx = onDay(reader.ctx, reader.scope.preparedOn);
    const top = topRisks(ctx, { limit: EVERY_RISK });
    const mitigations = new Map(riskRegister(ctx).risks.map((r) => [r.id, r.mitigations]));
    const withOpen = (r: TopRisk): BoardRisk => ({ ...r, open: (mitigations.get(r.id) ?? []).filter((m) => m.status !== 'done') });
    return {
      appetite: top.appetite,
      total: top.total,
      aboveAppetite: top.aboveAppetite,
      cells: top.heatMap.map((c) => ({ likelihood: c.likelihood, impact: c.impact, count: c.count })),
      above: top.risks.filter((r) => r.aboveAppetite).map(withOpen),
      highest: top.risks[0] ?? null,
    };
  },
  render(data, env) {
    const { scope } = env;
    const width = env.width.portrait;
    const mapWidth = 300;
    const cols = { n: 16, owner: 86, residual: 62, inherent: 40, status: 96 };
    return (
      <PackPage bookmark="Top risks" paper={scope.paper} frame={env.frame}>
        <SectionTitle
          id="risks"
          title="Top risks"
          lead={`Residual scores (likelihood × impact after mitigations, 1–25) against the risk appetite of ${data.appetite} set by the director: a risk scoring above it is flagged for the board.`}
          ledger={env.ledger}
        />
        {data.total === 0 ? (
          <Text style={{ fontSize: 10 }}>No risks are recorded in the register yet.</Text>
        ) : (
          <>
            <View style={{ flexDirection: 'row', justifyContent: 'space-between' }} wrap={false}>
              <View style={{ width: mapWidth }}>
                <Text style={{ fontSize: 7.5, fontWeight: 600, marginBottom: 3 }}>Likelihood ↑ · number of risks per cell (residual)</Text>
                <RiskHeatMap cells={data.cells} appetite={data.appetite} width={mapWidth} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} />
              </View>
              <View style={{ width: width - mapWidth - 16 }}>
                <View style={{ backgroundColor: colors.band, padding: 9, marginBottom: 8 }}>
                  <Text style={{ fontSize: 7, color: colors.muted, textTransform: 'uppercase', letterSpacing: 0.4 }}>Above appetite</Text>
                  <Text style={{ fontSize: 16, fontWeight: 600, marginTop: 3, color: data.aboveAppetite > 0 ? colors.unfavourable : colors.ink }}>
                    {data.aboveAppetite} of {data.total}
                  </Text>
                  <Text style={{ fontSize: 7.5, color: colors.muted, marginTop: 2 }}>risks in the register score above {data.appetite}</Text>
                </View>
                <View style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 6 }}>
                  <Svg width={22} height={6}>
                    <Rect x={0} y={1.5} width={22} height={2.4} fill={colors.ink} />
                  </Svg>
                  <Text style={{ fontSize: 7.5, color: colors.muted, marginLeft: 5, flex: 1 }}>
                    Appetite {data.appetite}: cells above and to the right of the line score above it.
                  </Text>
                </View>
                {scoreBands.map((b) => (
                  <View key={b} style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 3 }}>
                    <Svg width={22} height={9}>
                      <Rect x={0} y={0} width={22} height={9} fill={bandSwatches[b]} />
                    </Svg>
                    <Text style={{ fontSize: 7.5, color: colors.muted, marginLeft: 5 }}>
                      {scoreBandLabels[b]} ({scoreBandRanges[b]})
                    </Text>
                  </View>
                ))}
                <Text style={[styles.note, { marginTop: 6 }]}>Each cell shows its score (likelihood × impact) in the corner and, large, the number of risks in it.</Text>
              </View>
            </View>

            <Heading>Risks above appetite</Heading>
            {data.above.length === 0 ? (
              <Text>
                No risk scores above the appetite of {data.appetite}.
                {data.highest ? ` The highest residual score is ${data.highest.residual.score}: ${data.highest.title} (${ownerText(data.highest.ownerName, data.highest.ownerLeftOn, 'no owner', env.scope.locale)}).` : ''}
              </Text>
            ) : (
              <>
                <View style={styles.headRow}>
                  <Text style={[styles.headCell, { width: cols.n }]}>#</Text>
                  <Text style={[styles.headCell, { width: width - Object.values(cols).reduce((s, w) => s + w, 0) }]}>Risk · open mitigations</Text>
                  <Text style={[styles.headCell, { width: cols.owner }]}>Owner</Text>
                  <Text style={[styles.headCell, styles.num, { width: cols.residual }]}>Residual</Text>
                  <Text style={[styles.headCell, styles.num, { width: cols.inherent }]}>Inherent</Text>
                  <Text style={[styles.headCell, { width: cols.status, paddingLeft: 8 }]}>Mitigations</Text>
                </View>
                {data.above.map((r, i) => (
                  <RiskRow key={r.id} r={r} n={i + 1} cols={cols} width={width} locale={env.scope.locale} />
                ))}
                <Text style={styles.note}>Residual and inherent scores are likelihood × impact, each rated 1–5; inherent is before any mitigation.</Text>
              </>
            )}
          </>
        )}
      </PackPage>
    );
  },
});
