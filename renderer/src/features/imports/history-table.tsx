import { useState } from 'react';
import { TableHead } from '../../components/table-head';
import type { ImportBatch } from '../../../../shared/imports';
import { call, useQuery } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorBanner } from '../../components/error-banner';
import { change } from '../../app/store';
import { ExportTableMenu } from '../export/export-table-menu';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Every import batch, newest first, with undo of one batch. */
export function HistoryTable() {
  const query = useQuery('imports.history', {});
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  const batches = query.data ?? [];
  return (
    <>
      <div className="table-toolbar">
        <span className="muted">{query.data ? `${batches.length} ${batches.length === 1 ? 'import' : 'imports'}` : ''}</span>
        <ExportTableMenu what="import history" input={batches.length > 0 ? { view: 'imports' } : null} />
      </div>
      <ErrorBanner message={query.error} />
      {query.data && batches.length === 0 ? <p className="empty-state">No imports yet.</p> : null}
      {batches.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" aria-label="Import history">
            <TableHead columns={['Import', 'File', 'Kind', 'Sheets', { label: 'Rows', num: true }, 'Into', 'When', 'Who']} actions />
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} data-batch={b.batch} className={b.undoneAt ? 'inactive' : undefined}>
                  <td className="code">{b.batch}</td>
                  <th scope="row" title={`sha256 ${b.fileHash}`}>
                    {b.fileName}
                  </th>
                  <td>{b.kind}</td>
                  <td className="wrap">{b.sheets.join(', ')}</td>
                  <td className="num">{b.rowsImported}</td>
                  <td className="wrap">{[b.planName, b.departmentCodes.join(', ')].filter(Boolean).join(' · ')}</td>
                  <td className="date">{when(b.createdAt)}</td>
                  <td>{b.origin}</td>
                  <td className="row-actions">
                    {b.undoneAt ? (
                      <span className="badge muted-badge">Undone {when(b.undoneAt)}</span>
                    ) : (
                      <button type="button" className="button small" aria-label={`Undo import ${b.batch}`} onClick={() => setUndoing(b)}>
                        Undo import
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {undoing ? (
        <ConfirmDialog
          label={`Undo import ${undoing.batch}?`}
          message={`Everything ${undoing.fileName} wrote goes back to what it was before import ${undoing.batch}. If later edits touched the same figures, nothing is changed and you are told which edits.`}
          confirmLabel="Undo import"
          danger
          onConfirm={async () => {
            const outcome = await change(() => call('imports.undoBatch', { batchId: undoing.id }), {
              quiet: true,
              done: (r) => `${r.label}: ${r.restored} ${r.restored === 1 ? 'row' : 'rows'} restored`,
            });
            return outcome.ok ? null : outcome.message;
          }}
          onClose={() => setUndoing(null)}
        />
      ) : null}
    </>
  );
}
