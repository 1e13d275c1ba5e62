/** @jsxRuntime automatic */
/**
 * The call tree as it reads on paper: each person under the one who calls them, joined by drawn
 * lines, numbered like an outline (1, 1.1, 1.2, 1.2.1) so the order survives a photocopy, with
 * their phone and their alternate's. People who have left are marked in words.
 */
import { Text, View } from '@react-pdf/renderer';
import type { CallTreeEntry } from '../../../../shared/continuity';
import { colors } from '../pdf/kit';
import type { Contact } from './go-bag-data';
import { Muted, Warning, type Layout } from './layout';

export interface TreeRow {
  entry: CallTreeEntry;
  /** "1", "1.2", "1.2.1". */
  number: string;
  /** For each level above this row's own: does the line of that ancestor continue past this row? */
  through: boolean[];
  /** Does a later sibling follow (so this row's elbow continues down)? */
  more: boolean;
}

/** The rows of a depth-first call tree with the lines each must draw. */
export function treeRows(entries: readonly CallTreeEntry[]): TreeRow[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const hasLaterSibling = new Map<string, boolean>();
  const counters = new Map<string | null, number>();
  const numbers = new Map<string, string>();
  entries.forEach((e, i) => {
    hasLaterSibling.set(
      e.id,
      entries.slice(i + 1).some((later) => later.parentEntryId === e.parentEntryId),
    );
    const parent = e.parentEntryId !== null && byId.has(e.parentEntryId) ? e.parentEntryId : null;
    const n = (counters.get(parent) ?? 0) + 1;
    counters.set(parent, n);
    numbers.set(e.id, parent === null ? String(n) : `${numbers.get(parent) ?? '?'}.${n}`);
  });
  return entries.map((entry) => {
    // Ancestors from the root down to the parent.
    const chain: CallTreeEntry[] = [];
    let up = entry.parentEntryId === null ? undefined : byId.get(entry.parentEntryId);
    while (up) {
      chain.unshift(up);
      up = up.parentEntryId === null ? undefined : byId.get(up.parentEntryId);
    }
    // Level k (k ≥ 1 of the chain) carries a line when that ancestor has a later sibling.
    const through = chain.slice(1).map((a) => hasLaterSibling.get(a.id) ?? false);
    return { entry, number: numbers.get(entry.id) ?? '?', through, more: hasLaterSibling.get(entry.id) ?? false };
  });
}

function phoneText(phone: string | null): string {
  return phone === null || phone === '' ? 'no phone on record' : phone;
}

const LINE = 0.8;

function Gutter({ layout, through, elbow, more, tickY }: { layout: Layout; through: boolean; elbow: boolean; more: boolean; tickY: number }) {
  const mid = layout.indent / 2 - 2;
  return (
    <View style={{ width: layout.indent, alignSelf: 'stretch', position: 'relative' }}>
      {through || (elbow && more) ? <View style={{ position: 'absolute', left: mid, top: 0, bottom: 0, borderLeftWidth: LINE, borderLeftColor: colors.muted }} /> : null}
      {elbow && !more ? <View style={{ position: 'absolute', left: mid, top: 0, height: tickY, borderLeftWidth: LINE, borderLeftColor: colors.muted }} /> : null}
      {elbow ? <View style={{ position: 'absolute', left: mid, right: 1, top: tickY, borderTopWidth: LINE, borderTopColor: colors.muted }} /> : null}
    </View>
  );
}

export function CallTree({ layout, entries, people }: { layout: Layout; entries: readonly CallTreeEntry[]; people: Record<string, Contact> }) {
  const rows = treeRows(entries);
  const { body, small } = layout.type;
  const pad = layout.narrow ? 3.5 : 3;
  // The elbow meets the middle of the name's line.
  const tickY = pad + body * 0.62;
  return (
    <View>
      {rows.map(({ entry, number, through, more }) => {
        const title = people[entry.personId]?.title ?? null;
        return (
          <View key={entry.id} wrap={false} style={{ flexDirection: 'row' }}>
            {through.map((t, k) => (
              <Gutter key={k} layout={layout} through={t} elbow={false} more={false} tickY={tickY} />
            ))}
            {entry.depth > 0 ? <Gutter layout={layout} through={false} elbow more={more} tickY={tickY} /> : null}
            <View style={{ flex: 1, paddingVertical: pad }}>
              <View style={{ flexDirection: layout.narrow ? 'column' : 'row', alignItems: layout.narrow ? 'stretch' : 'flex-end' }}>
                <Text style={{ fontWeight: 600, flexShrink: 1, paddingRight: 4 }}>
                  <Text style={{ color: colors.accent }}>{number}  </Text>
                  {entry.personName}
                  {title ? <Text style={{ fontWeight: 400, color: colors.muted, fontSize: small + 0.5 }}>{`  ${title}`}</Text> : null}
                </Text>
                {/* A dotted leader carries the eye from the name to the number across the page. */}
                {layout.narrow ? null : <View style={{ flexGrow: 1, minWidth: 12, borderBottomWidth: 0.6, borderBottomColor: colors.rule, borderBottomStyle: 'dotted', marginBottom: 3, marginRight: 4 }} />}
                <Text style={{ fontWeight: 700, color: entry.phone ? colors.ink : colors.muted }}>{phoneText(entry.phone)}</Text>
              </View>
              {entry.personLeft ? <Warning layout={layout}>Has left the company: call the alternate.</Warning> : null}
              {entry.alternatePersonId === null ? (
                <Muted layout={layout}>No alternate named.</Muted>
              ) : (
                <Text style={{ fontSize: small + 0.5, marginTop: 1 }}>
                  <Text style={{ color: colors.muted }}>Alternate: </Text>
                  {entry.alternateName ?? '(missing person)'}
                  <Text style={{ fontWeight: 600 }}>{`  ${phoneText(entry.alternatePhone)}`}</Text>
                  {entry.alternateLeft ? <Text style={{ color: colors.unfavourable, fontWeight: 600 }}>{'  (has left the company)'}</Text> : null}
                </Text>
              )}
            </View>
          </View>
        );
      })}
    </View>
  );
}
