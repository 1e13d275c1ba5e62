/** @jsxRuntime automatic */
/**
 * The go-bag's page frame on three papers. A4 and Letter print like the board pack; 'phone' is a
 * narrow page (105 × 210 mm) in one column with larger type, so a plan saved to a phone reads at
 * the screen's width without zooming. Every measure the parts use comes from here.
 */
import { Page, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { GoBagPaper } from '../../../../shared/go-bag';
import { colors, longDate } from '../pdf/kit';

const MM = 72 / 25.4;

export interface Layout {
  paper: GoBagPaper;
  narrow: boolean;
  size: { width: number; height: number };
  margin: { x: number; top: number; bottom: number };
  /** Width of the text block, in points. */
  width: number;
  type: { body: number; small: number; title: number; heading: number; frame: number };
  /** Indent per level of the call tree. */
  indent: number;
}

export function layoutFor(paper: GoBagPaper): Layout {
  if (paper === 'phone') {
    const size = { width: 105 * MM, height: 210 * MM };
    const margin = { x: 16, top: 34, bottom: 34 };
    return {
      paper,
      narrow: true,
      size,
      margin,
      width: size.width - 2 * margin.x,
      type: { body: 10.5, small: 8.5, title: 17, heading: 13, frame: 7 },
      indent: 13,
    };
  }
  const size = paper === 'letter' ? { width: 612, height: 792 } : { width: 595.28, height: 841.89 };
  const margin = { x: 44, top: 58, bottom: 52 };
  return {
    paper,
    narrow: false,
    size,
    margin,
    width: size.width - 2 * margin.x,
    type: { body: 9.5, small: 7.5, title: 19, heading: 12, frame: 7.5 },
    indent: 18,
  };
}

/** One plan (or the index): as many pages as it needs, each with the running header and footer. */
export function GoBagPage({ layout, company, title, asOf, bookmark, children }: { layout: Layout; company: string; title: string; asOf: string; bookmark: string; children: ReactNode }) {
  const { margin, type } = layout;
  const edge = { position: 'absolute' as const, left: margin.x, right: margin.x, flexDirection: 'row' as const, justifyContent: 'space-between' as const, fontSize: type.frame, color: colors.muted };
  return (
    <Page
      size={[layout.size.width, layout.size.height]}
      style={{ fontFamily: 'Inter', fontSize: type.body, color: colors.ink, paddingTop: margin.top, paddingBottom: margin.bottom, paddingHorizontal: margin.x }}
      wrap
      bookmark={{ title: bookmark, fit: true }}
    >
      <View fixed style={{ ...edge, top: layout.narrow ? 14 : 22, borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingBottom: 4 }}>
        <Text style={{ maxWidth: '45%' }}>{company}</Text>
        <Text style={{ maxWidth: '55%', textAlign: 'right' }}>{title}</Text>
      </View>
      {children}
      <View fixed style={{ ...edge, bottom: layout.narrow ? 13 : 22, borderTopWidth: 0.5, borderTopColor: colors.rule, paddingTop: 4 }}>
        <Text>Go-bag · as at {longDate(asOf)}</Text>
        <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      </View>
    </Page>
  );
}

/** A numbered heading that is never left alone at the foot of a page. */
export function PartHeading({ layout, n, children, ahead = 70 }: { layout: Layout; n: number; children: ReactNode; ahead?: number }) {
  return (
    <View minPresenceAhead={ahead} style={{ flexDirection: 'row', alignItems: 'center', marginTop: layout.narrow ? 14 : 16, marginBottom: 6, borderBottomWidth: 1, borderBottomColor: colors.accent, paddingBottom: 3 }}>
      <Text style={{ fontSize: layout.type.heading, fontWeight: 700, color: colors.accent, width: layout.type.heading * 1.4 }}>{n}</Text>
      <Text style={{ fontSize: layout.type.heading, fontWeight: 600, color: colors.accent }}>{children}</Text>
    </View>
  );
}

/** A line a reader must not miss (someone has left, a contract has ended), in words as well as colour. */
export function Warning({ layout, children }: { layout: Layout; children: ReactNode }) {
  return <Text style={{ fontSize: layout.type.small + 0.5, fontWeight: 600, color: colors.unfavourable, marginTop: 1 }}>{children}</Text>;
}

export function Muted({ layout, children }: { layout: Layout; children: ReactNode }) {
  return <Text style={{ fontSize: layout.type.small + 0.5, color: colors.muted, marginTop: 1 }}>{children}</Text>;
}

/** A box to tick on paper. */
export function TickBox({ size }: { size: number }) {
  return <View style={{ width: size, height: size, borderWidth: 0.9, borderColor: colors.ink, marginTop: 1 }} />;
}

