/** @jsxRuntime automatic */
/**
 * Readies the PDF renderer before the first board pack is asked for: loads react-pdf and its
 * layout engine (the yoga WebAssembly module), registers Inter and parses every face the pack
 * uses, and lays out one page drawn with the pack's own parts (running header and footer, figure
 * cells, both charts, every printable character in every face) so the layout, shaping, SVG and
 * PDF-writing code is compiled and the faces' shaping tables are read before a user waits. In a fresh
 * process this is a third or more of the first pack's time. Serve mode and the app call it in the
 * background once they are up; import it lazily (it loads react-pdf).
 */
import { Document, renderToBuffer, Text, View } from '@react-pdf/renderer';
import { BulletChart, TrendChart } from './pdf/charts';
import { loadFonts, PackPage, styles, VarianceCell } from './pdf/kit';

const faces = [
  { fontWeight: 400, fontStyle: 'normal' },
  { fontWeight: 400, fontStyle: 'italic' },
  { fontWeight: 500, fontStyle: 'normal' },
  { fontWeight: 600, fontStyle: 'normal' },
  { fontWeight: 700, fontStyle: 'normal' },
] as const;

/** Every printable ASCII character: each face's shaping lookups for them are read once, here. */
const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const months = ['2026-01', '2026-02', '2026-03'].map((period, i) => ({ period, budget: 100_000_00 * (i + 1), actual: i < 2 ? 90_000_00 * (i + 1) : null }));

let warming: Promise<void> | null = null;

/** Warms the renderer once per process; never fails (a real render would report the problem). */
export function prewarmReportRenderer(): Promise<void> {
  warming ??= (async () => {
    await loadFonts();
    const frame = { company: 'Quartermaster', title: 'Board report', periodLabel: 'October 2026 YTD', confidentiality: 'Confidential.' };
    await renderToBuffer(
      <Document>
        <PackPage paper="a4" landscape frame={frame} bookmark="Warm-up">
          {faces.map((face) => (
            <Text key={`${face.fontWeight}-${face.fontStyle}`} style={face}>
              {printable} Board report · Q3 FY2026 — 1,234,567 (12.3%) ‘F’ “U” …
            </Text>
          ))}
          <View style={styles.row}>
            <Text style={[styles.num, styles.strong]}>(1,234,567) 8,901,234</Text>
            <VarianceCell minor={-123_456_789} favourable={false} width={90} />
            <VarianceCell minor={98_765_432} favourable width={90} />
          </View>
          <TrendChart title="Spend by month" width={500} height={120} months={months} />
          <BulletChart width={700} items={[{ label: 'Operations (OPS)', actual: 307_000_000, budget: 290_000_000, yearBudget: 350_000_000, favourable: false }]} />
        </PackPage>
      </Document>,
    );
  })().catch(() => undefined);
  return warming;
}
