/** @jsxRuntime automatic */
/**
 * The pack's typography and building blocks: the embedded font, page frame with running header
 * and footer, section titles that record the page they land on (for the contents), table rows
 * that never split across pages, and money cells. Every section draws with these, so the pack
 * reads as one document.
 */
import { defaultLocale, formatDate } from '../../../../shared/date-format';
import { createRequire } from 'node:module';
import { Font, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { formatMoney, formatPercent } from '../../../../shared/money';
import type { PaperSize } from '../../../../shared/report';

export const colors = {
  ink: '#1b2330',
  muted: '#5b6675',
  faint: '#8a94a3',
  rule: '#d5dae1',
  band: '#f2f4f7',
  accent: '#1f4e79',
  accentSoft: '#dbe6f1',
  budget: '#8aa4bf',
  favourable: '#17693f',
  unfavourable: '#a4262c',
};

let fontsReady = false;

/** Registers Inter (SIL Open Font License, shipped in node_modules with the app): no network at run time. */
export function registerFonts(): void {
  if (fontsReady) return;
  const require = createRequire(import.meta.url);
  const face = (name: string) => require.resolve(`@expo-google-fonts/inter/${name}/Inter_${name}.ttf`);
  Font.register({
    family: 'Inter',
    fonts: [
      { src: face('400Regular'), fontWeight: 400 },
      { src: face('400Regular_Italic'), fontWeight: 400, fontStyle: 'italic' },
      { src: face('500Medium'), fontWeight: 500 },
      { src: face('600SemiBold'), fontWeight: 600 },
      { src: face('700Bold'), fontWeight: 700 },
    ],
  });
  // Words are never split with a hyphen: names and figures stay whole.
  Font.registerHyphenationCallback((word) => [word]);
  fontsReady = true;
}

/** How many shaped strings a face keeps: a pack shapes a few thousand; past this the cache starts again. */
const SHAPED_LIMIT = 50_000;

interface ShapingFont {
  layout: (text: string, features?: unknown, ...rest: unknown[]) => unknown;
}

const memoised = new WeakSet<object>();

/**
 * Registers the faces and loads them, each with its text shaping remembered: react-pdf shapes
 * the same string with the same face again and again while it measures, splits pages and
 * re-measures (figures, labels, the running header on every page), and fontkit's shaping is the
 * largest part of a pack's layout. Shaping is a pure function of face, string, features, script,
 * language and direction, so the remembered glyph run is the one fontkit would return (textkit
 * copies what it changes; the pack's bytes are unchanged).
 */
export async function loadFonts(): Promise<void> {
  registerFonts();
  const family = Font.getRegisteredFonts()['Inter'];
  for (const source of family?.sources ?? []) {
    await source.load();
    const font = source.data as ShapingFont | null;
    if (font === null || typeof font.layout !== 'function' || memoised.has(font)) continue;
    memoised.add(font);
    const shape = font.layout.bind(font);
    const shaped = new Map<string, unknown>();
    font.layout = (text, features, ...rest) => {
      const key = `${JSON.stringify([features ?? null, ...rest])}\u0000${text}`;
      let run = shaped.get(key);
      if (run === undefined) {
        if (shaped.size >= SHAPED_LIMIT) shaped.clear();
        run = shape(text, features, ...rest);
        shaped.set(key, run);
      }
      return run;
    };
  }
}

/** What the running header and footer share: a line of small print across the text block. */
const runningBand = {
  position: 'absolute',
  left: 44,
  right: 44,
  flexDirection: 'row',
  justifyContent: 'space-between',
  fontSize: 7.5,
  color: colors.muted,
} as const;

export const styles = StyleSheet.create({
  page: { fontFamily: 'Inter', fontSize: 9, color: colors.ink, paddingTop: 58, paddingBottom: 52, paddingHorizontal: 44 },
  header: { ...runningBand, top: 22, borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingBottom: 5 },
  footer: { ...runningBand, bottom: 22, borderTopWidth: 0.5, borderTopColor: colors.rule, paddingTop: 5 },
  sectionTitle: { fontSize: 17, fontWeight: 600, color: colors.accent, marginBottom: 4 },
  sectionLead: { fontSize: 9, color: colors.muted, marginBottom: 14 },
  heading: { fontSize: 11, fontWeight: 600, marginTop: 14, marginBottom: 6 },
  note: { fontSize: 7.5, color: colors.muted, marginTop: 6 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 3.2, alignItems: 'flex-start' },
  headRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: colors.ink, paddingBottom: 3, alignItems: 'flex-end' },
  headCell: { fontSize: 7.5, fontWeight: 600, color: colors.muted },
  num: { textAlign: 'right', fontFeatureSettings: ['tnum'] },
  strong: { fontWeight: 600 },
});

export interface FrameInfo {
  company: string;
  title: string;
  periodLabel: string;
  confidentiality: string;
}

/**
 * One or more physical pages: content flows onto as many as it needs, each with the running
 * header and footer ("Page 3 of 12").
 */
export function PackPage({
  paper,
  landscape = false,
  frame,
  bookmark,
  children,
}: {
  paper: PaperSize;
  landscape?: boolean;
  frame: FrameInfo;
  /** The entry in the PDF's outline (its bookmarks pane). */
  bookmark: string;
  children: ReactNode;
}) {
  return (
    <Page
      size={paper === 'letter' ? 'LETTER' : 'A4'}
      orientation={landscape ? 'landscape' : 'portrait'}
      style={styles.page}
      wrap
      bookmark={{ title: bookmark, fit: true }}
    >
      <View style={styles.header} fixed>
        <Text>{frame.company}</Text>
        <Text>
          {frame.title} · {frame.periodLabel}
        </Text>
      </View>
      {children}
      <View style={styles.footer} fixed>
        <Text style={{ maxWidth: '75%' }}>{frame.confidentiality}</Text>
        <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      </View>
    </Page>
  );
}

/** Where each section starts: filled while the pack is laid out, read for the contents. */
export class PageLedger {
  private readonly pages = new Map<string, number>();
  record(id: string, page: number): void {
    this.pages.set(id, page);
  }
  pageOf(id: string): number | undefined {
    return this.pages.get(id);
  }
  copy(): PageLedger {
    const c = new PageLedger();
    for (const [id, page] of this.pages) c.record(id, page);
    return c;
  }
}

/** Records the page this point of the flow lands on (an empty, zero-height marker). */
export function PageMark({ id, ledger }: { id: string; ledger: PageLedger }) {
  return (
    <View
      render={({ pageNumber }) => {
        ledger.record(id, pageNumber);
        return null;
      }}
    />
  );
}

/** A section's title: never left alone at the foot of a page, and its page recorded. */
export function SectionTitle({ id, title, lead, ledger }: { id: string; title: string; lead?: string; ledger: PageLedger }) {
  return (
    <View minPresenceAhead={120}>
      <View
        render={({ pageNumber }) => {
          ledger.record(id, pageNumber);
          return null;
        }}
      />
      <Text style={styles.sectionTitle}>{title}</Text>
      {lead ? <Text style={styles.sectionLead}>{lead}</Text> : null}
    </View>
  );
}

export function Heading({ children }: { children: ReactNode }) {
  return (
    <Text style={styles.heading} minPresenceAhead={60}>
      {children}
    </Text>
  );
}

/** "2026-10-31" → "31 October 2026" (en-GB): how the pack and the go-bag print a day in running text. */
export function longDate(day: string, locale: string = defaultLocale): string {
  return formatDate(day, locale, 'long');
}

/** Whole currency units, negatives in parentheses (tables never abbreviate). */
export function money(minor: number): string {
  return formatMoney(minor);
}

/**
 * The unit a table of figures prints in: whole units while its largest figure fits its columns,
 * else thousands — the usual board-pack convention, named in the table's heading, never a k or M
 * beside a figure.
 */
export interface TableUnit {
  /** Minor units per printed unit: 100 (whole units) or 100,000 (thousands). */
  divisor: number;
  /** "USD" or "USD thousands". */
  label: string;
}

/** Ten million whole units and more do not fit a figure column beside its F/U mark. */
const THOUSANDS_FROM = 1e9;

export function tableUnit(currency: string, values: number[]): TableUnit {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return largest >= THOUSANDS_FROM ? { divisor: 100_000, label: `${currency} thousands` } : { divisor: 100, label: currency };
}

/** A figure in the table's unit, rounded half away from zero. */
export function moneyIn(unit: TableUnit, minor: number): string {
  if (unit.divisor === 100) return formatMoney(minor);
  const units = Math.round(Math.abs(minor) / unit.divisor);
  return formatMoney(Math.sign(minor) * units * 100);
}

export function percent(value: number | null): string {
  return formatPercent(value);
}

/**
 * Favourable or not, in words as well as colour so it survives black-and-white printing:
 * "F" / "U" beside the figure, and a legend on each table that uses it.
 */
export function FavMark({ favourable }: { favourable: boolean | null }) {
  if (favourable === null) return <Text style={{ width: 9 }}> </Text>;
  return (
    <Text style={{ width: 9, fontSize: 7, fontWeight: 700, textAlign: 'right', color: favourable ? colors.favourable : colors.unfavourable }}>
      {favourable ? 'F' : 'U'}
    </Text>
  );
}

export function VarianceCell({
  minor,
  favourable,
  width,
  unit,
}: {
  minor: number;
  favourable: boolean | null;
  width: number;
  unit?: TableUnit;
}) {
  const printed = unit ? moneyIn(unit, minor) : money(minor);
  // A variance that rounds to nothing is printed plain: no mark for a few cents either way.
  const mark = printed === '0' ? null : favourable;
  const color = mark === null ? colors.ink : mark ? colors.favourable : colors.unfavourable;
  return (
    <View style={{ width, flexDirection: 'row', justifyContent: 'flex-end' }}>
      <Text style={[styles.num, { color }]}>{printed}</Text>
      <FavMark favourable={mark} />
    </View>
  );
}

/** The key under every table with F/U marks. */
export function legendFor(unit?: TableUnit): string {
  const units = unit && unit.divisor !== 100 ? `Figures in ${unit.label}` : 'Figures in whole currency units';
  return `F = favourable, U = unfavourable (spend under budget or revenue over budget is favourable). ${units}, negatives in parentheses; a total may differ by 1 from the sum of its rounded parts.`;
}

/** A notice a reader must not miss (e.g. no actuals yet), boxed above the figures it qualifies. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <View style={{ borderLeftWidth: 3, borderLeftColor: colors.unfavourable, backgroundColor: colors.band, padding: 7, marginBottom: 10 }} wrap={false}>
      <Text style={{ fontSize: 8.5 }}>{children}</Text>
    </View>
  );
}

export function noActualsNotice(periodLabel: string): string {
  return `No actuals have been recorded for ${periodLabel} yet: actuals show as zero, so every variance is the whole budget and the forecast is the budget.`;
}
