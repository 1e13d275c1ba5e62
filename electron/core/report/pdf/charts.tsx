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
export function BulletChart({ items, width, rowHeight: tall }: { items: BulletItem[]; width: number; rowHeight?: number | undefined }) {
  const labelWidth = 150;
  const valueWidth = 92;
  const barWidth = width - labelWidth - valueWidth;
  const max = Math.max(1, ...items.flatMap((i) => [i.actual, i.budget, i.yearBudget]));
  const ticks = niceTicks(0, max, 4);
  const x = linearScale(0, ticks[ticks.length - 1]!, 0, barWidth);
  // Few departments get bars that read from across a table; many get compact rows.
  // A chart that has a page to itself may be given taller rows to fill it.
  const rowHeight = tall ?? (items.length <= 10 ? 26 : 16);
  return (
    <View>
      {items.map((item) => (
        <View key={item.label} wrap={false} style={{ flexDirection: 'row', alignItems: 'center', height: rowHeight + 4 }}>
          <Text style={{ width: labelWidth, fontSize: items.length <= 10 ? 9 : 7.5, paddingRight: 6 }}>{item.label}</Text>
          <Svg width={barWidth} height={rowHeight}>
            <Rect x={0} y={2} width={Math.max(0, x(item.yearBudget))} height={rowHeight - 4} fill={colors.accentSoft} />
            <Rect
              x={0}
              y={rowHeight * 0.32}
              width={Math.max(0, x(Math.max(0, item.actual)))}
              height={rowHeight * 0.36}
              fill={item.favourable === false ? colors.unfavourable : colors.accent}
            />
            <Line x1={x(item.budget)} x2={x(item.budget)} y1={0} y2={rowHeight} stroke={colors.ink} strokeWidth={1.4} />
          </Svg>
          <Text style={{ width: valueWidth, fontSize: items.length <= 10 ? 8.5 : 7, textAlign: 'right', color: colors.muted }}>
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

/** Fills for the four score bands, light to dark so they stay apart in black and white. */
const bandFills: Record<'low' | 'medium' | 'high' | 'critical', string> = {
  low: '#e4efe7',
  medium: '#f7ecc8',
  high: '#f2c9a8',
  critical: '#e39a9a',
};

function bandOf(score: number): keyof typeof bandFills {
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  if (score <= 16) return 'high';
  return 'critical';
}

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  count: number;
}

/**
 * The 5 × 5 risk map: likelihood up, impact across, each cell shaded by its score band and
 * carrying the number of risks in it (blank when none) and its score in the corner. A heavy line
 * runs along the risk appetite: cells beyond it score above the appetite.
 */
export function RiskHeatMap({
  cells,
  appetite,
  width,
  likelihoodLabels,
  impactLabels,
}: {
  cells: readonly HeatMapCell[];
  appetite: number;
  width: number;
  likelihoodLabels: readonly string[];
  impactLabels: readonly string[];
}) {
  const left = 78;
  const top = 4;
  const cell = Math.floor((width - left - 4) / 5);
  const grid = cell * 5;
  const height = top + grid + 30;
  const x = (impact: number) => left + (impact - 1) * cell;
  const y = (likelihood: number) => top + (5 - likelihood) * cell;
  const above = (l: number, i: number) => l >= 1 && l <= 5 && i >= 1 && i <= 5 && l * i > appetite;
  const count = (l: number, i: number) => cells.find((c) => c.likelihood === l && c.impact === i)?.count ?? 0;
  const edges: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (let l = 1; l <= 5; l++) {
    for (let i = 1; i <= 5; i++) {
      if (!above(l, i)) continue;
      // Only edges that face a cell within appetite: together they draw the appetite line.
      if (i > 1 && !above(l, i - 1)) edges.push({ x1: x(i), y1: y(l), x2: x(i), y2: y(l) + cell });
      if (l > 1 && !above(l - 1, i)) edges.push({ x1: x(i), y1: y(l) + cell, x2: x(i) + cell, y2: y(l) + cell });
    }
  }
  const label = { fontSize: 6.5, fill: colors.muted, fontFamily: 'Inter' } as const;
  return (
    <Svg width={width} height={height}>
      {[5, 4, 3, 2, 1].flatMap((l) =>
        [1, 2, 3, 4, 5].map((i) => {
          const n = count(l, i);
          return (
            <G key={`c${l}${i}`}>
              <Rect x={x(i)} y={y(l)} width={cell} height={cell} fill={bandFills[bandOf(l * i)]} stroke="#ffffff" strokeWidth={1.2} />
              <SvgText x={x(i) + 3} y={y(l) + 8} style={{ fontSize: 6, fill: colors.muted, fontFamily: 'Inter' }}>
                {String(l * i)}
              </SvgText>
              {n > 0 ? (
                <SvgText x={x(i) + cell / 2} y={y(l) + cell / 2 + 5} textAnchor="middle" style={{ fontSize: 13, fontWeight: 700, fill: colors.ink, fontFamily: 'Inter' }}>
                  {String(n)}
                </SvgText>
              ) : null}
            </G>
          );
        }),
      )}
      {edges.map((e, k) => (
        <Line key={`a${k}`} x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} stroke={colors.ink} strokeWidth={2.2} strokeLinecap="square" />
      ))}
      {[5, 4, 3, 2, 1].map((l) => (
        <SvgText key={`l${l}`} x={left - 5} y={y(l) + cell / 2 + 2} textAnchor="end" style={label}>
          {`${likelihoodLabels[l - 1] ?? ''} ${l}`}
        </SvgText>
      ))}
      {[1, 2, 3, 4, 5].map((i) => (
        <SvgText key={`i${i}`} x={x(i) + cell / 2} y={top + grid + 10} textAnchor="middle" style={label}>
          {`${i} ${impactLabels[i - 1] ?? ''}`}
        </SvgText>
      ))}
      <SvgText x={left + grid / 2} y={top + grid + 24} textAnchor="middle" style={{ ...label, fontWeight: 600, fill: colors.ink }}>
        Impact →
      </SvgText>
    </Svg>
  );
}

/** A readiness score 0–100 as a short bar with its tick marks at 50 and 80. */
export function ScoreBar({ score, width, height = 7 }: { score: number; width: number; height?: number }) {
  const w = Math.max(0, Math.min(100, score)) * (width / 100);
  const fill = score >= 80 ? colors.favourable : score >= 50 ? colors.accent : colors.unfavourable;
  return (
    <Svg width={width} height={height}>
      <Rect x={0} y={0} width={width} height={height} fill={colors.band} />
      <Rect x={0} y={0} width={w} height={height} fill={fill} />
      <Line x1={width * 0.5} x2={width * 0.5} y1={0} y2={height} stroke="#ffffff" strokeWidth={0.8} />
      <Line x1={width * 0.8} x2={width * 0.8} y1={0} y2={height} stroke="#ffffff" strokeWidth={0.8} />
    </Svg>
  );
}
