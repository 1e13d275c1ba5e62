/** @jsxRuntime automatic */
/** Headcount: people in post and open roles per department, and what they cost per year. */
import { Text, View } from '@react-pdf/renderer';
import { headcount, type HeadcountRow } from '../pack-figures';
import { section } from '../pack';
import { colors, longDate, money, PackPage, SectionTitle, styles } from '../pdf/kit';

function HeadRow({ r, nameWidth, num, total = false }: { r: HeadcountRow; nameWidth: number; num: number; total?: boolean }) {
  const top = r.depth === 0;
  const style = [styles.row, top ? { backgroundColor: colors.band } : {}, total ? { borderTopWidth: 1, borderTopColor: colors.ink } : {}];
  const strong = top ? styles.strong : {};
  return (
    <View wrap={false} style={style}>
      <Text style={[{ width: nameWidth, paddingLeft: top ? 2 : 12, paddingRight: 6 }, strong]}>
        {r.name} {r.code ? <Text style={{ color: colors.faint, fontWeight: 400 }}>{r.code}</Text> : null}
      </Text>
      <Text style={[styles.num, strong, { width: num }]}>{r.active}</Text>
      <Text style={[styles.num, strong, { width: num }]}>{r.activeFte.toFixed(1)}</Text>
      <Text style={[styles.num, strong, { width: num }]}>{r.open}</Text>
      <Text style={[styles.num, strong, { width: num }]}>{r.openFte.toFixed(1)}</Text>
      <Text style={[styles.num, strong, { width: num + 16 }]}>{money(r.payroll)}</Text>
      <Text style={[styles.num, strong, { width: num + 16 }]}>{money(r.openPayroll)}</Text>
    </View>
  );
}

export const headcountSection = section({
  id: 'headcount',
  title: 'Headcount',
  load(reader) {
    return { ...headcount(reader.tree(), reader.people(), reader.periodEnd()), day: reader.periodEnd() };
  },
  render(data, env) {
    const { scope } = env;
    const num = 52;
    const nameWidth = env.width.portrait - 4 * num - 2 * (num + 16);
    const day = longDate(data.day, scope.locale);
    const rows = data.rows.filter((r) => r.active + r.open > 0);
    return (
      <PackPage bookmark="Headcount" paper={scope.paper} frame={env.frame}>
        <SectionTitle
          id="headcount"
          title="Headcount"
          lead={`People in post and open roles on ${day}. Payroll is annual salary × FTE, in ${scope.currency} per year; each department includes everything under it.`}
          ledger={env.ledger}
        />
        <View fixed style={styles.headRow}>
          <Text style={[styles.headCell, { width: nameWidth }]}>Department</Text>
          <Text style={[styles.headCell, styles.num, { width: num }]}>In post</Text>
          <Text style={[styles.headCell, styles.num, { width: num }]}>FTE</Text>
          <Text style={[styles.headCell, styles.num, { width: num }]}>Open roles</Text>
          <Text style={[styles.headCell, styles.num, { width: num }]}>Open FTE</Text>
          <Text style={[styles.headCell, styles.num, { width: num + 16 }]}>Payroll / yr</Text>
          <Text style={[styles.headCell, styles.num, { width: num + 16 }]}>Open roles / yr</Text>
        </View>
        {rows.length === 0 ? <Text style={[styles.note, { marginTop: 6 }]}>No people or open roles are recorded.</Text> : null}
        {rows.map((r) => (
          <HeadRow key={r.departmentId ?? 'total'} r={r} nameWidth={nameWidth} num={num} />
        ))}
        <HeadRow r={{ ...data.total, name: 'Company total' }} nameWidth={nameWidth} num={num} total />
        <Text style={styles.note}>
          In post: active people whose start date has come and whose end date has not passed. Open roles: vacancies budgeted but not filled.
        </Text>
      </PackPage>
    );
  },
});
