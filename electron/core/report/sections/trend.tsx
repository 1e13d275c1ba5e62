/** @jsxRuntime automatic */
/** Spend trend: monthly actual vs budget for the company and each top-level department, with the forecast method stated. */
import { Text, View } from '@react-pdf/renderer';
import { periodLabel } from '../../../../shared/periods';
import { spendTrends } from '../pack-figures';
import { section } from '../pack';
import { TrendChart, TrendLegend } from '../pdf/charts';
import { money, PackPage, SectionTitle, styles } from '../pdf/kit';

export const trendSection = section({
  id: 'trend',
  title: 'Spend trend',
  load(reader) {
    return {
      trends: spendTrends(reader.ctx, reader.scope.plan.id, reader.scope.period, reader.tree()),
      company: reader.company(),
      actualsThrough: reader.actualsThrough(),
    };
  },
  render(data, env) {
    const { scope } = env;
    const width = env.width.portrait;
    const [company, ...departments] = data.trends;
    const months = scope.period.yearMonths;
    const booked = data.actualsThrough;
    const after = months.filter((m) => booked === null || m > booked);
    const spend = data.company.spend;
    const remaining = spend.fullYear.forecast - spend.ytd.actual;
    const range = (a: string, b: string) => (a === b ? periodLabel(a) : `${periodLabel(a)}–${periodLabel(b)}`);
    const method =
      booked === null
        ? `No actuals are booked for the year yet: the full-year forecast is the budget, ${money(spend.fullYear.budget)} ${scope.currency}.`
        : after.length === 0
          ? `Every month of the year is booked: the forecast is the actual spend for the year, ${money(spend.fullYear.forecast)} ${scope.currency}.`
          : `Full-year forecast = actual spend ${range(months[0]!, booked)} + budget for ${range(after[0]!, after[after.length - 1]!)}: ${money(spend.ytd.actual)} + ${money(remaining)} = ${money(spend.fullYear.forecast)} ${scope.currency}, against a budget of ${money(spend.fullYear.budget)}.`;
    const half = (width - 16) / 2;
    return (
      <PackPage bookmark="Spend trend" paper={scope.paper} frame={env.frame}>
        <SectionTitle
          id="trend"
          title="Spend trend"
          lead={`Monthly spend (expense and capital accounts) in ${scope.currency} against ${scope.plan.name}. Axis labels abbreviate thousands (k) and millions (M).`}
          ledger={env.ledger}
        />
        <TrendLegend />
        {company ? <TrendChart title="Company" months={company.months} width={width} height={165} /> : null}
        <Text style={[styles.note, { marginTop: 0, marginBottom: 12 }]}>Method: {method}</Text>
        <View style={{ flexDirection: 'row', flexWrap: 'wrap', justifyContent: 'space-between' }}>
          {departments.map((t) => (
            <View key={t.departmentId ?? 'company'} style={{ width: half }} wrap={false}>
              <TrendChart title={t.name} months={t.months} width={half} height={105} />
            </View>
          ))}
        </View>
      </PackPage>
    );
  },
});
