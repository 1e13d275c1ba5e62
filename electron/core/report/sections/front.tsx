/** @jsxRuntime automatic */
/** The cover and its contents: always printed, whatever sections are chosen. */
import { Page, Text, View } from '@react-pdf/renderer';
import type { PackScope } from '../pack';
import { colors, longDate, type PageLedger } from '../pdf/kit';

export interface ContentsEntry {
  id: string;
  title: string;
}

/**
 * The cover, with the contents under the pack's details (a page of its own was mostly white). The
 * contents' page numbers are filled in by the same layout that places the sections: react-pdf
 * splits every page first (each section title records its page in the ledger as it lands) and
 * only then resolves each page's render props in page order, so the cover's numbers read the
 * finished ledger. One layout, where a second whole layout used to be needed for them.
 */
export function Cover({ scope, entries, pages }: { scope: PackScope; entries: ContentsEntry[]; pages: PageLedger }) {
  const line = (label: string, value: string) => (
    <View style={{ flexDirection: 'row', marginBottom: 6 }}>
      <Text style={{ width: 90, color: colors.muted }}>{label}</Text>
      <Text style={{ flex: 1 }}>{value}</Text>
    </View>
  );
  return (
    <Page size={scope.paper === 'letter' ? 'LETTER' : 'A4'} style={{ fontFamily: 'Inter', color: colors.ink, fontSize: 10 }} bookmark="Cover">
      <View style={{ backgroundColor: colors.accent, height: 210, paddingHorizontal: 56, paddingTop: 70 }}>
        <Text style={{ color: '#ffffff', fontSize: 12, letterSpacing: 1.2, textTransform: 'uppercase' }}>{scope.company}</Text>
        <Text style={{ color: '#ffffff', fontSize: 32, fontWeight: 700, marginTop: 14 }}>Board report</Text>
        <Text style={{ color: '#dbe6f1', fontSize: 16, marginTop: 6 }}>{scope.period.label}</Text>
      </View>
      <View style={{ paddingHorizontal: 56, paddingTop: 40 }}>
        {line('Period', scope.period.label)}
        {line('Plan', `${scope.plan.name} (${scope.plan.status})`)}
        {line('Scenario', scope.plan.scenario)}
        {line('Prepared', longDate(scope.preparedOn, scope.locale))}
        {/* Nobody named: no line, rather than a dash the board reads as something missing. */}
        {scope.preparedBy === '' ? null : line('Prepared by', scope.preparedBy)}
        {line('Currency', scope.currency)}
      </View>
      <View style={{ paddingHorizontal: 56, paddingTop: 36 }}>
        <Text style={{ fontSize: 15, fontWeight: 600, color: colors.accent, marginBottom: 14 }}>Contents</Text>
        {entries.map((e, i) => (
          <View key={e.id} style={{ flexDirection: 'row', alignItems: 'flex-end', marginBottom: 9 }}>
            <Text style={{ width: 18, color: colors.muted }}>{i + 1}</Text>
            <Text style={{ fontSize: 10.5 }}>{e.title}</Text>
            <View style={{ flex: 1, borderBottomWidth: 0.6, borderBottomColor: colors.rule, borderBottomStyle: 'dotted', marginHorizontal: 6, marginBottom: 3 }} />
            <Text style={{ fontSize: 10.5, width: 24, textAlign: 'right' }} render={() => String(pages.pageOf(e.id) ?? '')} />
          </View>
        ))}
      </View>
      <View style={{ position: 'absolute', left: 56, right: 56, bottom: 48, borderTopWidth: 0.5, borderTopColor: colors.rule, paddingTop: 8 }}>
        <Text style={{ fontSize: 8.5, color: colors.muted }}>{scope.confidentiality}</Text>
      </View>
    </Page>
  );
}
