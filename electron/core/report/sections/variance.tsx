/** @jsxRuntime automatic */
/**
 * Budget vs actual by department: the top-level departments, each followed by its children, for
 * the period, the year to date and the full year (forecast); then a bullet chart per department.
 * Landscape, because eleven figure columns do not fit a portrait page at a readable size.
 */
import { Text, View } from '@react-pdf/renderer';
import { periodLabel } from '../../../../shared/periods';
import type { DepartmentFigures, Fig, Forecast } from '../pack-figures';
import { section } from '../pack';
import { BulletChart } from '../pdf/charts';
import { colors, Heading, legendFor, moneyIn, noActualsNotice, Notice, PackPage, PageMark, percent, SectionTitle, styles, tableUnit, VarianceCell, type TableUnit } from '../pdf/kit';

type Kind = 'spend' | 'revenue';

/** Rows beyond which a table may run over a page (and so needs its head repeated). */
const LONG_TABLE = 18;

function periodHeading(kind: 'month' | 'quarter' | 'year', months: string[]): string {
  if (kind === 'month') return periodLabel(months[0]!);
  if (kind === 'quarter') return `${periodLabel(months[0]!, true)}–${periodLabel(months[2]!)}`;
  return 'Full year';
}

function FigureTable({
  rows,
  kind,
  width,
  periodTitle,
  showPeriod,
  repeatHead,
  unit,
}: {
  unit: TableUnit;
  /** Print the column heads again on every page the table runs onto (for tables that may be long). */
  repeatHead: boolean;
  rows: DepartmentFigures[];
  kind: Kind;
  width: number;
  periodTitle: string;
  showPeriod: boolean;
}) {
  const num = 56;
  const pct = 36;
  const groups = showPeriod ? 3 : 2;
  const nameWidth = width - (showPeriod ? 2 : 1) * (3 * num + pct) - 3 * num - (groups - 1) * 8;
  const figCells = (f: Fig) => [
    <Text key="b" style={[styles.num, { width: num }]}>{moneyIn(unit, f.budget)}</Text>,
    <Text key="a" style={[styles.num, { width: num }]}>{moneyIn(unit, f.actual)}</Text>,
    <VarianceCell key="v" minor={f.variance} favourable={f.favourable} width={num} unit={unit} />,
    <Text key="p" style={[styles.num, { width: pct }]}>{percent(f.variancePct)}</Text>,
  ];
  const forecastCells = (f: Forecast) => [
    <Text key="b" style={[styles.num, { width: num }]}>{moneyIn(unit, f.budget)}</Text>,
    <Text key="f" style={[styles.num, { width: num }]}>{moneyIn(unit, f.forecast)}</Text>,
    <VarianceCell key="v" minor={f.variance} favourable={f.favourable} width={num} unit={unit} />,
  ];
  const spacer = <View style={{ width: 8 }} />;
  const groupHead = (title: string, cols: number) => (
    <Text style={[styles.headCell, { width: cols, textAlign: 'center', borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingBottom: 2 }]}>
      {title}
    </Text>
  );
  const colHead = (labels: string[], widths: number[]) =>
    labels.map((l, i) => (
      <Text key={l} style={[styles.headCell, styles.num, { width: widths[i] }]}>
        {l}
      </Text>
    ));
  return (
    <View style={{ fontSize: 7.5 }}>
      <View fixed={repeatHead} style={{ flexDirection: 'row', marginBottom: 2 }}>
        <View style={{ width: nameWidth }} />
        {showPeriod ? groupHead(periodTitle, 3 * num + pct) : null}
        {showPeriod ? spacer : null}
        {groupHead('Year to date', 3 * num + pct)}
        {spacer}
        {groupHead('Full year', 3 * num)}
      </View>
      <View fixed={repeatHead} style={styles.headRow}>
        <Text style={[styles.headCell, { width: nameWidth }]}>Department</Text>
        {showPeriod ? colHead(['Budget', 'Actual', 'Variance', 'Var %'], [num, num, num, pct]) : null}
        {showPeriod ? spacer : null}
        {colHead(['Budget', 'Actual', 'Variance', 'Var %'], [num, num, num, pct])}
        {spacer}
        {colHead(['Budget', 'Forecast', 'Variance'], [num, num, num])}
      </View>
      {rows.map((d) => {
        const f = d[kind];
        const top = d.depth === 0;
        return (
          <View key={d.departmentId} wrap={false} style={[styles.row, top ? { backgroundColor: colors.band, borderBottomColor: colors.muted } : {}]}>
            <Text style={[{ width: nameWidth, paddingLeft: top ? 2 : 12, paddingRight: 6 }, top ? styles.strong : {}]}>
              {d.name} <Text style={{ color: colors.faint, fontWeight: 400 }}>{d.code}</Text>
            </Text>
            {showPeriod ? figCells(f.period) : null}
            {showPeriod ? spacer : null}
            {figCells(f.ytd)}
            {spacer}
            {forecastCells(f.fullYear)}
          </View>
        );
      })}
    </View>
  );
}

function hasFigures(d: DepartmentFigures, kind: Kind): boolean {
  const f = d[kind];
  return f.ytd.budget !== 0 || f.ytd.actual !== 0 || f.fullYear.budget !== 0;
}

export const varianceSection = section({
  id: 'variance',
  title: 'Budget vs actual by department',
  load(reader) {
    return { ...reader.departments(), actualsThrough: reader.actualsThrough() };
  },
  render(data, env) {
    const { scope } = env;
    const period = scope.period;
    const showPeriod = period.kind !== 'year';
    const periodTitle = periodHeading(period.kind, period.months);
    const company: DepartmentFigures = { departmentId: 'company', code: '', name: 'Company total', depth: 0, ...data.company };
    const other: DepartmentFigures[] = data.unassigned
      ? [{ departmentId: 'unassigned', code: '', name: 'Not in a department above', depth: 0, ...data.unassigned }]
      : [];
    const rows = [...data.rows, ...other];
    const spendRows = rows.filter((d) => hasFigures(d, 'spend'));
    const revenueRows = rows.filter((d) => hasFigures(d, 'revenue'));
    const tops = data.rows.filter((d) => d.depth === 0 && hasFigures(d, 'spend'));
    const chartPage = env.previous.pageOf('variance-chart');
    const alone = tops.length > 0 && tops.length <= LONG_TABLE && chartPage !== undefined && chartPage > (env.previous.pageOf('variance-tables-end') ?? chartPage);
    // Heading, key, axis and a margin take about 80 points; the rows share the rest, up to 64 each.
    const fill = alone ? Math.max(26, Math.min(64, Math.floor((env.landscapeHeight - 80) / tops.length) - 4)) : undefined;
    env.choices.set('variance-chart-fill', fill);
    const width = env.width.landscape;
    const unit = tableUnit(
      scope.currency,
      [...rows, company].flatMap((d) =>
        (['spend', 'revenue'] as const).flatMap((k) => {
          const f = d[k];
          return [f.period.budget, f.period.actual, f.period.variance, f.ytd.budget, f.ytd.actual, f.ytd.variance, f.fullYear.budget, f.fullYear.forecast, f.fullYear.variance];
        }),
      ),
    );
    return (
      <PackPage bookmark="Budget vs actual by department" paper={scope.paper} landscape frame={env.frame}>
        <SectionTitle
          id="variance"
          title="Budget vs actual by department"
          lead={`Spend (expense and capital accounts) in ${unit.label}, ${period.label}, against ${scope.plan.name}. Each department includes everything under it; the full-year forecast is the actuals booked so far plus the budget for the months after them.`}
          ledger={env.ledger}
        />
        {data.actualsThrough === null ? <Notice>{noActualsNotice(scope.period.label)}</Notice> : null}
        <FigureTable rows={[...spendRows, company]} kind="spend" width={width} periodTitle={periodTitle} showPeriod={showPeriod} repeatHead unit={unit} />
        <Text style={styles.note}>{legendFor(unit)}</Text>
        {revenueRows.length > 0 ? (
          // A short revenue table moves whole to the next page rather than leave its head behind;
          // a long one starts on a page of its own and repeats its head.
          <View wrap={revenueRows.length > LONG_TABLE} break={revenueRows.length > LONG_TABLE}>
            <Heading>Revenue</Heading>
            <FigureTable
              repeatHead={revenueRows.length > LONG_TABLE}
              unit={unit}
              rows={[...revenueRows, company.revenue.ytd.budget !== 0 || company.revenue.ytd.actual !== 0 ? company : null].filter((d) => d !== null)}
              kind="revenue"
              width={width}
              periodTitle={periodTitle}
              showPeriod={showPeriod}
            />
          </View>
        ) : null}
        <PageMark id="variance-tables-end" ledger={env.ledger} />
        {/* Heading, key and chart move to the next page together; only a very long chart may run over.
            Moved to a page of its own (the previous layout says so), the chart fills that page. */}
        <View wrap={tops.length > LONG_TABLE} break={fill !== undefined}>
          <PageMark id="variance-chart" ledger={env.ledger} />
          <Heading>Spend to date against budget</Heading>
          <Text style={[styles.note, { marginTop: 0, marginBottom: 6 }]}>
            Bar: actual spend for the year to date. Tick: budget to date. Pale band: the full-year budget. A bar past its tick is over budget.
          </Text>
          <BulletChart
          width={width}
          rowHeight={fill}
          items={tops.map((d) => ({
            label: `${d.name} (${d.code})`,
            actual: d.spend.ytd.actual,
            budget: d.spend.ytd.budget,
            yearBudget: d.spend.fullYear.budget,
            favourable: d.spend.ytd.favourable,
          }))}
          />
        </View>
      </PackPage>
    );
  },
});
