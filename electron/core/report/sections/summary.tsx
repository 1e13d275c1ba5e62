/** @jsxRuntime automatic */
/** Executive summary: the few numbers that matter, the largest variances and the director's commentary. */
import { Text, View } from '@react-pdf/renderer';
import { getCommentary } from '../report-settings';
import { largestVariances, headcount, type AccountVariance, type Fig, type Forecast } from '../pack-figures';
import { section } from '../pack';
import { colors, FavMark, legendFor, money, noActualsNotice, Notice, PackPage, percent, SectionTitle, styles, VarianceCell } from '../pdf/kit';

interface Tile {
  label: string;
  value: number;
  against: number;
  againstLabel: string;
  variance: number;
  variancePct: number | null;
  favourable: boolean | null;
}

function fromFig(label: string, fig: Fig): Tile {
  return { label, value: fig.actual, against: fig.budget, againstLabel: 'budget', ...fig };
}

function fromForecast(label: string, fc: Forecast): Tile {
  return { label, value: fc.forecast, against: fc.budget, againstLabel: 'budget', ...fc };
}

function TileView({ tile, width }: { tile: Tile; width: number }) {
  const color = tile.favourable === null ? colors.ink : tile.favourable ? colors.favourable : colors.unfavourable;
  return (
    <View style={{ width, backgroundColor: colors.band, padding: 10, marginBottom: 8 }} wrap={false}>
      <Text style={{ fontSize: 7.5, color: colors.muted, textTransform: 'uppercase', letterSpacing: 0.4 }}>{tile.label}</Text>
      <Text style={[styles.num, { fontSize: 16, fontWeight: 600, textAlign: 'left', marginTop: 3 }]}>{money(tile.value)}</Text>
      <Text style={{ fontSize: 8, color: colors.muted, marginTop: 1 }}>
        {tile.againstLabel} {money(tile.against)}
      </Text>
      <View style={{ flexDirection: 'row', marginTop: 4 }}>
        <Text style={[styles.num, { fontSize: 8.5, fontWeight: 600, color }]}>
          {money(tile.variance)} · {percent(tile.variancePct)}{' '}
        </Text>
        <FavMark favourable={tile.favourable} />
      </View>
    </View>
  );
}

interface HeadcountTile {
  activeFte: number;
  plannedFte: number;
  open: number;
}

function fte(n: number): string {
  return n.toFixed(1);
}

function VarianceList({ title, items, width }: { title: string; items: AccountVariance[]; width: number }) {
  const num = 62;
  return (
    <View style={{ width }}>
      <Text style={[styles.heading, { marginTop: 4 }]}>{title}</Text>
      <View style={styles.headRow}>
        <Text style={[styles.headCell, { flex: 1 }]}>Department · account</Text>
        <Text style={[styles.headCell, styles.num, { width: num }]}>Variance</Text>
        <Text style={[styles.headCell, styles.num, { width: 40 }]}>%</Text>
      </View>
      {items.length === 0 ? <Text style={[styles.note, { marginTop: 4 }]}>None.</Text> : null}
      {items.map((v) => (
        <View key={`${v.department}|${v.account}`} style={styles.row} wrap={false}>
          <View style={{ flex: 1, paddingRight: 4 }}>
            <Text>{v.account}</Text>
            <Text style={{ fontSize: 7, color: colors.muted }}>{v.department}</Text>
          </View>
          <VarianceCell minor={v.variance} favourable={v.favourable} width={num} />
          <Text style={[styles.num, { width: 40 }]}>{percent(v.variancePct)}</Text>
        </View>
      ))}
    </View>
  );
}

export const summarySection = section({
  id: 'summary',
  title: 'Executive summary',
  load(reader) {
    const company = reader.company();
    const people = headcount(reader.tree(), reader.people(), reader.periodEnd()).total;
    return {
      spendYtd: company.spend.ytd,
      spendYear: company.spend.fullYear,
      revenueYtd: company.revenue.ytd,
      headcount: { activeFte: people.activeFte, plannedFte: people.activeFte + people.openFte, open: people.open } satisfies HeadcountTile,
      largest: largestVariances(reader.ctx, reader.scope.plan.id, reader.ranges, reader.tree()),
      commentary: getCommentary(reader.ctx, reader.scope.period.key).text,
      actualsThrough: reader.actualsThrough(),
    };
  },
  render(data, env) {
    const { scope } = env;
    const gap = 10;
    const tileWidth = (env.width.portrait - gap) / 2;
    const hasRevenue = data.revenueYtd.budget !== 0 || data.revenueYtd.actual !== 0;
    const through = scope.period.label;
    return (
      <PackPage bookmark="Executive summary" paper={scope.paper} frame={env.frame}>
        <SectionTitle
          id="summary"
          title="Executive summary"
          lead={`${through}, against ${scope.plan.name}. Spend is expense and capital accounts; amounts in ${scope.currency}.`}
          ledger={env.ledger}
        />
        {data.actualsThrough === null ? <Notice>{noActualsNotice(scope.period.label)}</Notice> : null}
        <View style={{ flexDirection: 'row', flexWrap: 'wrap', justifyContent: 'space-between' }}>
          <TileView tile={fromFig('Spend, year to date', data.spendYtd)} width={tileWidth} />
          <TileView tile={fromForecast('Full-year spend forecast', data.spendYear)} width={tileWidth} />
          {hasRevenue ? <TileView tile={fromFig('Revenue, year to date', data.revenueYtd)} width={tileWidth} /> : null}
          <View style={{ width: tileWidth, backgroundColor: colors.band, padding: 10, marginBottom: 8 }} wrap={false}>
            <Text style={{ fontSize: 7.5, color: colors.muted, textTransform: 'uppercase', letterSpacing: 0.4 }}>Headcount (FTE)</Text>
            <Text style={[styles.num, { fontSize: 16, fontWeight: 600, textAlign: 'left', marginTop: 3 }]}>{fte(data.headcount.activeFte)}</Text>
            <Text style={{ fontSize: 8, color: colors.muted, marginTop: 1 }}>plan {fte(data.headcount.plannedFte)} (in post + open roles)</Text>
            <Text style={{ fontSize: 8.5, fontWeight: 600, marginTop: 4 }}>
              {data.headcount.open} open {data.headcount.open === 1 ? 'role' : 'roles'} · {fte(data.headcount.plannedFte - data.headcount.activeFte)} FTE to fill
            </Text>
          </View>
        </View>
        <Text style={styles.note}>
          Forecast = actuals booked so far this year + budget for the months after them. {legendFor()}
        </Text>
        {data.actualsThrough === null ? null : (
          <View style={{ flexDirection: 'row', justifyContent: 'space-between', marginTop: 10 }}>
            <VarianceList title="Largest favourable variances (YTD)" items={data.largest.favourable} width={tileWidth} />
            <VarianceList title="Largest unfavourable variances (YTD)" items={data.largest.unfavourable} width={tileWidth} />
          </View>
        )}
        <View minPresenceAhead={40}>
          <Text style={styles.heading}>Commentary</Text>
        </View>
        {data.commentary === '' ? (
          <Text style={{ color: colors.muted, fontStyle: 'italic' }}>No commentary has been written for {through}.</Text>
        ) : (
          data.commentary.split(/\n{2,}/).map((paragraph, i) => (
            <Text key={i} style={{ fontSize: 9.5, lineHeight: 1.5, marginBottom: 6 }}>
              {paragraph}
            </Text>
          ))
        )}
      </PackPage>
    );
  },
});
