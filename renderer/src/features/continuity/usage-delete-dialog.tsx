/**
 * Deleting something continuity uses: asks continuity.usage first. Unused, it is a plain
 * confirmation; used, the dialog lists the processes, plans and risks that use it and offers to
 * move them all to a replacement and delete in one step (one undo puts it all back).
 */
import { useEffect, useState } from 'react';
import type { Usage } from '../../../../shared/continuity';
import { call, errorMessage } from '../../api';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';

interface UsageDeleteProps {
  kind: 'vendor' | 'asset';
  id: string;
  name: string;
  /** What can take its place (same kind, not itself). */
  replacements: { id: string; name: string }[];
  onClose: () => void;
}

/** Deletes the vendor or asset, moving every use to reassignTo when given; resolves to a refusal or null. */
async function deleteItem(kind: UsageDeleteProps['kind'], id: string, name: string, reassignTo: string | undefined): Promise<string | null> {
  const input = { id, ...(reassignTo ? { reassignTo } : {}) };
  const result = await change(() => call(kind === 'vendor' ? 'continuity.deleteVendor' : 'continuity.deleteAsset', input), {
    quiet: true,
    done: `Deleted ${name}`,
  });
  return result.ok ? null : result.message;
}

export function UsageList({ usage }: { usage: Usage }) {
  const groups: [string, string[]][] = [
    ['Processes', usage.processes],
    ['Plans', usage.plans],
    ['Risks', usage.risks],
  ];
  return (
    <dl className="facts cont-usage" aria-label="Where it is used">
      {groups
        .filter(([, names]) => names.length > 0)
        .map(([label, names]) => (
          <div key={label} className="cont-usage-group">
            <dt>{label}</dt>
            <dd>
              <ul>
                {names.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
    </dl>
  );
}

export function UsageDeleteDialog({ kind, id, name, replacements, onClose }: UsageDeleteProps) {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [to, setTo] = useState('');
  const { busy, error, run } = useSubmitState();
  useEffect(() => {
    let live = true;
    call('continuity.usage', { kind, id }).then(
      (u) => live && setUsage(u),
      (err: unknown) => live && setLoadError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [kind, id]);
  const used = usage !== null && usage.references > 0;
  const what = kind === 'vendor' ? 'vendor' : 'system or site';

  return (
    <Dialog
      label={`Delete ${name}`}
      onClose={onClose}
      submitLabel={used ? 'Reassign and delete' : 'Delete'}
      danger
      busy={busy || usage === null}
      error={error ?? loadError}
      onSubmit={() =>
        run(async () => {
          if (used && !to) return `${name} is in use: choose the ${what} that takes its place, or remove those uses first.`;
          const problem = await deleteItem(kind, id, name, used ? to : undefined);
          if (problem === null) onClose();
          return problem;
        })
      }
    >
      {usage === null && !loadError ? <p className="muted">Checking where {name} is used…</p> : null}
      {usage && !used ? <p>Delete {name}? Nothing uses it. You can undo this.</p> : null}
      {usage && used ? (
        <>
          <p>
            {name} is used in {usage.references} {usage.references === 1 ? 'place' : 'places'}:
          </p>
          <UsageList usage={usage} />
          {replacements.length > 0 ? (
            <Field label="Move them to" hint="Every use moves to it and then it is deleted, in one step you can undo.">
              {(p) => (
                <select {...p} value={to} onChange={(e) => setTo(e.target.value)} autoFocus>
                  <option value="">Choose…</option>
                  {replacements.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <p className="muted">There is no other {what} to move them to: remove those uses first.</p>
          )}
        </>
      ) : null}
    </Dialog>
  );
}
