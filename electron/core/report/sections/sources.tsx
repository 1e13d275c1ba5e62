/** @jsxRuntime automatic */
/**
 * Appendix — sources: which plan version and which imports each group of figures came from, and
 * the workspace file with a fingerprint of the figures, so two packs can be told apart.
 */
import { Text, View } from '@react-pdf/renderer';
import type { ImportBatch } from '../../../../shared/imports';
import { periodLabel } from '../../../../shared/periods';
import { listImportBatches } from '../../imports/history';
import { planLineCount } from '../../budget/budget-queries';
import { section } from '../pack';
import { colors, Heading, PackPage, SectionTitle, styles } from '../pdf/kit';
import { formatDate, formatDateTime } from '../../../../shared/date-format';

interface BatchUse {
  batch: ImportBatch;
  /** Lines of this pack's figures that the batch wrote and that are still its. */
  lines: number;
}

interface SourceGroup {
  title: string;
  description: string;
  imports: BatchUse[];
  /** Lines typed, pasted or copied in the app rather than imported. */
  other: number;
}

/** UTC, so the same workspace prints the same pack wherever it is made. */
function dateTime(iso: string, locale: string): string {
  return formatDateTime(iso, locale, 'UTC');
}

function GroupView({ group, width, locale }: { group: SourceGroup; width: number; locale: string }) {
  const cols = { seq: 42, when: 112, lines: 50 };
  const fileWidth = width - cols.seq - cols.when - cols.lines;
  return (
    <View>
      <View minPresenceAhead={50}>
        <Heading>{group.title}</Heading>
        <Text style={[styles.note, { marginTop: 0, marginBottom: 4 }]}>{group.description}</Text>
      </View>
      <View style={styles.headRow}>
        <Text style={[styles.headCell, { width: cols.seq }]}>Import</Text>
        <Text style={[styles.headCell, { width: fileWidth }]}>File · sheets · SHA-256</Text>
        <Text style={[styles.headCell, { width: cols.when }]}>Imported</Text>
        <Text style={[styles.headCell, styles.num, { width: cols.lines }]}>Lines</Text>
      </View>
      {group.imports.map(({ batch, lines }) => (
        <View key={batch.id} style={styles.row} wrap={false}>
          <Text style={{ width: cols.seq }}>#{batch.seq}</Text>
          <View style={{ width: fileWidth, paddingRight: 6 }}>
            <Text>{batch.fileName}</Text>
            <Text style={{ fontSize: 6.5, color: colors.muted }}>
              {batch.sheets.join(', ')} · {batch.fileHash.slice(0, 16)}
            </Text>
          </View>
          <Text style={{ width: cols.when }}>
            {dateTime(batch.createdAt, locale)}
            {'\n'}
            <Text style={{ fontSize: 6.5, color: colors.muted }}>by {batch.origin}</Text>
          </Text>
          <Text style={[styles.num, { width: cols.lines }]}>{lines.toLocaleString('en-US')}</Text>
        </View>
      ))}
      {group.other === 0 && group.imports.length > 0 ? null : (
      <View style={styles.row} wrap={false}>
        <Text style={{ width: cols.seq }}>—</Text>
        <Text style={{ width: fileWidth + cols.when }}>Entered, pasted or copied in Quartermaster</Text>
        <Text style={[styles.num, { width: cols.lines }]}>{group.other.toLocaleString('en-US')}</Text>
      </View>
      )}
    </View>
  );
}

function uses(batches: Map<string, ImportBatch>, counts: { batchId: string | null; n: number }[]): { imports: BatchUse[]; other: number } {
  let other = 0;
  const imports: BatchUse[] = [];
  for (const c of counts) {
    const batch = c.batchId === null ? undefined : batches.get(c.batchId);
    if (batch) imports.push({ batch, lines: c.n });
    else other += c.n;
  }
  imports.sort((a, b) => a.batch.seq - b.batch.seq);
  return { imports, other };
}

export const sourcesSection = section({
  id: 'sources',
  title: 'Appendix — sources',
  load(reader) {
    const { ctx, scope, ranges } = reader;
    const client = ctx.db.$client;
    const batches = new Map(listImportBatches(ctx).map((b) => [b.id, b]));
    const budget = uses(
      batches,
      client
        .prepare('SELECT import_batch_id AS batchId, count(*) AS n FROM budget_lines WHERE plan_id = ? GROUP BY import_batch_id')
        .all(scope.plan.id) as { batchId: string | null; n: number }[],
    );
    const actuals = uses(
      batches,
      client
        .prepare('SELECT import_batch_id AS batchId, count(*) AS n FROM actuals WHERE period BETWEEN ? AND ? GROUP BY import_batch_id')
        .all(ranges.ytd.from, ranges.ytd.to) as { batchId: string | null; n: number }[],
    );
    const peopleImports = [...batches.values()].filter((b) => b.kind === 'people' && b.undoneAt === null);
    // The figures are as of the last change made to the workspace (else its creation).
    const { asOf } = client
      .prepare(`SELECT coalesce((SELECT at FROM changes WHERE state = 'done' ORDER BY seq DESC LIMIT 1), (SELECT created_at FROM workspace)) AS asOf`)
      .get() as { asOf: string };
    const groups: SourceGroup[] = [
      {
        title: `Budget: ${scope.plan.name}`,
        description: `Plan "${scope.plan.name}" (FY${scope.plan.fiscalYear}, scenario ${scope.plan.scenario}, ${scope.plan.status}), ${planLineCount(ctx, scope.plan.id).toLocaleString('en-US')} budget lines. Used by every budget figure in this pack.`,
        ...budget,
      },
      {
        title: `Actuals: ${periodLabel(ranges.ytd.from)} to ${periodLabel(ranges.ytd.to)}`,
        description: 'Every actual for the year to date. Used by the actual, variance and forecast figures.',
        ...actuals,
      },
    ];
    return {
      groups,
      people: peopleImports.map((b) => ({ seq: b.seq, fileName: b.fileName, createdAt: b.createdAt, rows: b.rowsImported })),
      asOf,
    };
  },
  render(data, env) {
    const { scope } = env;
    const width = env.width.portrait;
    return (
      <PackPage bookmark="Appendix — sources" paper={scope.paper} frame={env.frame}>
        <SectionTitle
          id="sources"
          title="Appendix — sources"
          lead="Where the figures in this pack come from. Every imported value keeps its file, sheet and cell in the workspace."
          ledger={env.ledger}
        />
        {data.groups.map((g) => (
          <GroupView key={g.title} group={g} width={width} locale={scope.locale} />
        ))}
        <View minPresenceAhead={40}>
          <Heading>Headcount</Heading>
        </View>
        <Text>
          {data.people.length === 0
            ? 'People and open roles as entered in Quartermaster (no HR import).'
            : `People and open roles, entered in Quartermaster and imported from: ${data.people
                .map((p) => `${p.fileName} (import #${p.seq}, ${formatDate(p.createdAt, scope.locale)}, ${p.rows} rows)`)
                .join('; ')}.`}
        </Text>
        <View minPresenceAhead={60}>
          <Heading>This pack</Heading>
        </View>
        <View style={{ backgroundColor: colors.band, padding: 8 }} wrap={false}>
          <Text>Workspace file: {scope.fileName}</Text>
          <Text>
            {/* When the figures were last touched, in words a board member reads (not the undo history's labels). */}
            Figures as of {dateTime(data.asOf, scope.locale)}
          </Text>
          <Text>Content hash (SHA-256 of all the data this pack was made from):</Text>
          <Text style={{ fontSize: 8, letterSpacing: 0.3 }}>{env.fingerprint.replace(/(.{8})/g, '$1 ').trim()}</Text>
        </View>
      </PackPage>
    );
  },
});
