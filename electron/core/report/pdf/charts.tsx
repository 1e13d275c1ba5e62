/** @jsxRuntime automatic */
/**
 * The pack's charts, drawn as SVG from plain data with the geometry in shared/charts.ts. Lines are
 * told apart by weight and dash as well as colour, so they read in black and white.
 */
import { Circle, G, Line, Path, Rect, Svg, Text as SvgText, Text, View } from '@react-pdf/renderer';
import { abbreviateMoney, linearScale, linePath, niceTicks } from '../../../../shared/charts';
import { periodLabel } from '../../../../shared/periods';
import type { MonthPoint } from '../pack-figures';
import { colors } from './kit';

const axisFont = { fontSize: 6.5, fill: colors.muted, fontFamily: 'Inter' } as const;

/** Monthly budget (dashed) against actual (solid, with points), and the forecast path after the last actual month. */
export function TrendChart({ months, width, height, title }: { months: MonthPoint[]; width: number; height: number; title: string }) {
  const left = 38;
  const right = 8;
  const top = 8;
  const bottom = 18;
  const values = months.flatMap((m) => (m.actual === null ? [m.budget] : [m.budget, m.actual]));
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 4);
  const y = linearScale(ticks[0]!, ticks[ticks.length - 1]!, height - bottom, top);
  const step = (width - left - right) / Math.max(1, months.length - 1);
  const x = (i: number) => left + i * step;
  const budgetPath = linePath(months.map((m, i) => ({ x: x(i), y: y(m.budget) })));
  const actualPath = linePath(months.map((m, i) => (m.actual === null ? null : { x: x(i), y: y(m.actual) })));
  const lastActual = months.reduce((last, m, i) => (m.actual === null ? last : i), -1);
  const forecastPath =
    lastActual >= 0 && lastActual < months.length - 1
      ? linePath(months.map((m, i) => (i < lastActual ? null : { x: x(i), y: y(i === lastActual ? m.actual! : m.budget) })))
      : '';
  return (
    <View wrap={false} style={{ marginBottom: 10 }}>
      <Text style={{ fontSize: 8.5, fontWeight: 600, marginBottom: 3 }}>{title}</Text>
      <Svg width={width} height={height}>
        {ticks.map((t) => (
          <G key={`t${t}`}>
            <Line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke={t === 0 ? colors.muted : colors.rule} strokeWidth={t === 0 ? 0.7 : 0.4} />
            <SvgText x={left - 4} y={y(t) + 2} style={axisFont} textAnchor="end">
              {abbreviateMoney(t)}
            </SvgText>
          </G>
        ))}
        {months.map((m, i) => (
          <SvgText key={m.period} x={x(i)} y={height - 6} style={axisFont} textAnchor="middle">
            {periodLabel(m.period, true)}
          </SvgText>
        ))}
        <Path d={budgetPath} stroke={colors.budget} strokeWidth={1.4} strokeDasharray="3 2" fill="none" />
        {forecastPath ? <Path d={forecastPath} stroke={colors.accent} strokeWidth={0.9} strokeDasharray="1 1.5" fill="none" /> : null}
        {actualPath ? <Path d={actualPath} stroke={colors.accent} strokeWidth={1.6} fill="none" /> : null}
        {months.map((m, i) => (m.actual === null ? null : <Circle key={`p${m.period}`} cx={x(i)} cy={y(m.actual)} r={1.6} fill={colors.accent} />))}
      </Svg>
    </View>
  );
}

export function TrendLegend() {
  const item = (label: string, stroke: string, dash: string | undefined, weight: number) => (
    <View style={{ flexDirection: 'row', alignItems: 'center', marginRight: 14 }}>
      <Svg width={22} height={6}>
        <Line x1={0} x2={22} y1={3} y2={3} stroke={stroke} strokeWidth={weight} {...(dash ? { strokeDasharray: dash } : {})} />
      </Svg>
      <Text style={{ fontSize: 7.5, color: colors.muted, marginLeft: 4 }}>{label}</Text>
    </View>
  );
  return (
    <View style={{ flexDirection: 'row', marginBottom: 8 }}>
      {item('Actual', colors.accent, undefined, 1.6)}
      {item('Budget', colors.budget, '3 2', 1.4)}
      {item('Forecast (remaining budget)', colors.accent, '1 1.5', 0.9)}
    </View>
  );
}

export interface BulletItem {
  label: string;
  actual: number;
  budget: number;
  yearBudget: number;
  favourable: boolean | null;
}

/**
 * One bullet per department: the pale band is the full-year budget, the bar the actual spend to
 * date, the tick the budget to date. A bar past its tick is over budget.
 */
export function BulletChart({ items, width }: { items: BulletItem[]; width: number }) {
  const labelWidth = 150;
  const valueWidth = 92;
  const barWidth = width - labelWidth - valueWidth;
  const max = Math.max(1, ...items.flatMap((i) => [i.actual, i.budget, i.yearBudget]));
  const ticks = niceTicks(0, max, 4);
  const x = linearScale(0, ticks[ticks.length - 1]!, 0, barWidth);
  const rowHeight = 16;
  return (
    <View>
      {items.map((item) => (
        <View key={item.label} wrap={false} style={{ flexDirection: 'row', alignItems: 'center', height: rowHeight + 4 }}>
          <Text style={{ width: labelWidth, fontSize: 7.5, paddingRight: 6 }}>{item.label}</Text>
          <Svg width={barWidth} height={rowHeight}>
            <Rect x={0} y={2} width={Math.max(0, x(item.yearBudget))} height={rowHeight - 4} fill={colors.accentSoft} />
            <Rect
              x={0}
              y={5}
              width={Math.max(0, x(Math.max(0, item.actual)))}
              height={rowHeight - 10}
              fill={item.favourable === false ? colors.unfavourable : colors.accent}
            />
            <Line x1={x(item.budget)} x2={x(item.budget)} y1={0} y2={rowHeight} stroke={colors.ink} strokeWidth={1.4} />
          </Svg>
          <Text style={{ width: valueWidth, fontSize: 7, textAlign: 'right', color: colors.muted }}>
            {abbreviateMoney(item.actual)} of {abbreviateMoney(item.budget)}
          </Text>
        </View>
      ))}
      <View style={{ flexDirection: 'row' }}>
        <View style={{ width: labelWidth }} />
        <Svg width={barWidth} height={10}>
          {ticks.map((t) => (
            <SvgText key={t} x={Math.min(barWidth - 8, Math.max(4, x(t)))} y={8} style={axisFont} textAnchor="middle">
              {abbreviateMoney(t)}
            </SvgText>
          ))}
        </Svg>
      </View>
    </View>
  );
}
