/**
 * The call tree of a plan as a tree you edit: add someone under an entry (or as a first
 * caller), set each entry's alternate, move an entry under another caller or among its
 * siblings, remove it (the people it called move up). Every edit saves the whole tree with
 * continuity.setCallTree; a circle is refused by core and its sentence is shown.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { CallTreeEntry, PlanDetail } from '../../../../shared/continuity';
import { call } from '../../api';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { addEntry, fromCallTree, moveAmongSiblings, moveUnder, removeEntry, setAlternate, toCallTreeInput, type TreeDraft } from './call-tree-edit';
import { PersonOptions, usePeople } from './people';

type TreeDialog = { kind: 'add'; parentId: string | null } | { kind: 'move'; entry: CallTreeEntry } | null;

let newIds = 0;

export function CallTreeEditor({ plan }: { plan: PlanDetail }) {
  const people = usePeople();
  const [dialog, setDialog] = useState<TreeDialog>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const treeRef = useRef<HTMLUListElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const entries = plan.callTree;
  const drafts = fromCallTree(entries);

  /** Saves a new tree; resolves to core's refusal, or null. */
  const save = async (next: TreeDraft[], done: string, from: 'row' | 'dialog' = 'row'): Promise<string | null> => {
    setBusy(true);
    setProblem(null);
    const result = await change(() => call('continuity.setCallTree', { planId: plan.id, entries: toCallTreeInput(next) }), { quiet: true, done });
    setBusy(false);
    if (result.ok) return null;
    // A dialog shows the refusal itself; a row's edit shows it under the tree.
    if (from === 'row') setProblem(result.message);
    return result.message;
  };

  const titleOf = (personId: string) => people.byId.get(personId)?.title ?? null;
  const nameOf = (personId: string | null) => (personId ? (people.byId.get(personId)?.name ?? entries.find((e) => e.personId === personId)?.personName ?? 'someone') : '');

  // Arrow keys move between entries (a tree's rows), like the department tree.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLElement && e.target.getAttribute('role') !== 'treeitem') return;
    const at = entries.findIndex((x) => x.id === (focusId ?? entries[0]?.id));
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(entries.length - 1, at + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = entries.length - 1;
    if (next === null) return;
    e.preventDefault();
    const id = entries[next]?.id;
    if (!id) return;
    setFocusId(id);
    treeRef.current?.querySelector<HTMLElement>(`[data-entry="${CSS.escape(id)}"]`)?.focus();
  };

  return (
    <section className="cont-calltree" aria-label={`Call tree of ${plan.name}`}>
      <div className="cont-subhead">
        <h5>
          Call tree <span className="muted">who calls whom, with alternates</span>
        </h5>
        <button type="button" className="button small" onClick={() => setDialog({ kind: 'add', parentId: null })}>
          Add first caller
        </button>
      </div>
      {entries.length === 0 ? <p className="muted">Nobody on the call tree yet.</p> : null}
      <ul ref={treeRef} className="cont-tree" role="tree" aria-label="Call tree" aria-busy={busy} onKeyDown={onKeyDown}>
        {entries.map((e, i) => {
          const siblings = entries.filter((x) => x.parentEntryId === e.parentEntryId);
          const sib = siblings.findIndex((x) => x.id === e.id);
          const caller = entries.find((x) => x.id === e.parentEntryId);
          return (
            <li
              key={e.id}
              role="treeitem"
              aria-level={e.depth + 1}
              aria-selected={false}
              aria-label={`${e.personName}${caller ? `, called by ${caller.personName}` : ', first caller'}${e.alternateName ? `, alternate ${e.alternateName}` : ', no alternate'}`}
              tabIndex={(focusId ?? entries[0]?.id) === e.id ? 0 : -1}
              data-entry={e.id}
              data-person={e.personName}
              className="cont-tree-item"
              style={{ paddingLeft: 6 + e.depth * 22 }}
              onFocus={(ev) => {
                if (ev.target === ev.currentTarget) setFocusId(e.id);
              }}
            >
              <span className="cont-tree-person">
                <span className="cont-tree-line" aria-hidden="true">
                  {e.depth > 0 ? '└' : '●'}
                </span>
                <strong className="cont-tree-name">{e.personName}</strong>
                {e.personLeft ? <span className="cont-gap sev-high">Has left</span> : null}
                {titleOf(e.personId) ? <span className="cont-tree-title">{titleOf(e.personId)}</span> : null}
                {e.phone ? <span className="cont-phone">{e.phone}</span> : <span className="muted">no phone</span>}
              </span>
              <span className="cont-tree-alt">
                <span className="cont-tree-alt-word" aria-hidden="true">
                  Alternate
                </span>
                <select
                  aria-label={`Alternate for ${e.personName}`}
                  title={e.alternateName ?? 'No alternate'}
                  value={e.alternatePersonId ?? ''}
                  disabled={busy}
                  onChange={(ev) => {
                    const alt = ev.target.value || null;
                    void save(setAlternate(drafts, e.id, alt), alt ? `${nameOf(alt)} is now ${e.personName}'s alternate` : `Cleared ${e.personName}'s alternate`);
                  }}
                >
                  <option value="">No alternate</option>
                  {e.alternatePersonId && !people.pickable.some((p) => p.id === e.alternatePersonId) ? (
                    <option value={e.alternatePersonId}>{e.alternateName ?? 'Current alternate'}</option>
                  ) : null}
                  <PersonOptions people={people.pickable} except={new Set([e.personId])} />
                </select>
                {e.alternateLeft ? (
                  <span className="cont-gap sev-high">Alternate left</span>
                ) : !e.alternatePersonId ? (
                  <span className="cont-gap sev-medium">No alternate</span>
                ) : null}
              </span>
              <span className="cont-tree-actions">
                <button type="button" className="button small" aria-label={`Add someone ${e.personName} calls`} onClick={() => setDialog({ kind: 'add', parentId: e.id })}>
                  Add under
                </button>
                <button type="button" className="button small" aria-label={`Move ${e.personName}`} onClick={() => setDialog({ kind: 'move', entry: e })}>
                  Move…
                </button>
                <button
                  type="button"
                  className="button small ghost"
                  aria-label={`Move ${e.personName} up`}
                  disabled={busy || sib <= 0}
                  onClick={() => void save(moveAmongSiblings(drafts, e.id, -1), `Moved ${e.personName} up`)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button small ghost"
                  aria-label={`Move ${e.personName} down`}
                  disabled={busy || sib >= siblings.length - 1}
                  onClick={() => void save(moveAmongSiblings(drafts, e.id, 1), `Moved ${e.personName} down`)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button small danger-text"
                  aria-label={`Remove ${e.personName} from the call tree`}
                  disabled={busy}
                  onClick={() => {
                    setFocusId(entries[Math.max(0, i - 1)]?.id ?? null);
                    void save(removeEntry(drafts, e.id), `Removed ${e.personName} from the call tree`);
                  }}
                >
                  Remove
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {problem ? (
        <p className="banner error" role="alert">
          {problem}
        </p>
      ) : null}
      {dialog?.kind === 'add' ? (
        <AddCallerDialog
          entries={entries}
          parentId={dialog.parentId}
          onClose={() => setDialog(null)}
          onAdd={(personId, parentId, alternateId) =>
            save(
              addEntry(drafts, { id: `new-${Date.now()}-${++newIds}`, personId, parentId, alternatePersonId: alternateId }),
              `Added ${nameOf(personId)} to the call tree`,
              'dialog',
            )
          }
        />
      ) : null}
      {dialog?.kind === 'move' ? (
        <MoveCallerDialog
          entry={dialog.entry}
          entries={entries}
          onClose={() => setDialog(null)}
          onMove={(parentId) => save(moveUnder(drafts, dialog.entry.id, parentId), `Moved ${dialog.entry.personName} in the call tree`, 'dialog')}
        />
      ) : null}
    </section>
  );
}

function callerOptions(entries: readonly CallTreeEntry[], except?: string) {
  return entries
    .filter((e) => e.id !== except)
    .map((e) => (
      <option key={e.id} value={e.id}>
        {`${'\u2007\u2007'.repeat(e.depth)}${e.personName}`}
      </option>
    ));
}

function AddCallerDialog(props: {
  entries: readonly CallTreeEntry[];
  parentId: string | null;
  onClose: () => void;
  onAdd: (personId: string, parentId: string | null, alternateId: string | null) => Promise<string | null>;
}) {
  const people = usePeople();
  const [person, setPerson] = useState('');
  const [parent, setParent] = useState(props.parentId ?? '');
  const [alternate, setAlternateId] = useState('');
  const { busy, error, run } = useSubmitState();
  const caller = props.entries.find((e) => e.id === props.parentId);
  // A person is an entry once per tree (core refuses a second one), so they are not offered again.
  const onTree = new Set(props.entries.map((e) => e.personId));
  return (
    <Dialog
      label={caller ? `Add someone ${caller.personName} calls` : 'Add to the call tree'}
      onClose={props.onClose}
      submitLabel="Add"
      busy={busy}
      error={error}
      onSubmit={() =>
        run(async () => {
          if (!person) return 'Choose who is called.';
          const problem = await props.onAdd(person, parent || null, alternate || null);
          if (problem === null) props.onClose();
          return problem;
        })
      }
    >
      <Field label="Person" hint={onTree.size > 0 ? 'People already on this call tree are not listed: each person is on it once.' : undefined}>
        {(p) => (
          <select {...p} value={person} onChange={(e) => setPerson(e.target.value)} autoFocus>
            <option value="">Choose…</option>
            <PersonOptions people={people.pickable} except={onTree} />
          </select>
        )}
      </Field>
      <Field label="Called by">
        {(p) => (
          <select {...p} value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">(first caller)</option>
            {callerOptions(props.entries)}
          </select>
        )}
      </Field>
      <Field label="Alternate" hint="Who is called when they cannot be reached.">
        {(p) => (
          <select {...p} value={alternate} onChange={(e) => setAlternateId(e.target.value)}>
            <option value="">None</option>
            <PersonOptions people={people.pickable} except={person ? new Set([person]) : undefined} />
          </select>
        )}
      </Field>
    </Dialog>
  );
}

function MoveCallerDialog(props: { entry: CallTreeEntry; entries: readonly CallTreeEntry[]; onClose: () => void; onMove: (parentId: string | null) => Promise<string | null> }) {
  const [parent, setParent] = useState(props.entry.parentEntryId ?? '');
  const { busy, error, run } = useSubmitState();
  return (
    <Dialog
      label={`Move ${props.entry.personName}`}
      onClose={props.onClose}
      submitLabel="Move"
      busy={busy}
      error={error}
      onSubmit={() =>
        run(async () => {
          const problem = await props.onMove(parent || null);
          if (problem === null) props.onClose();
          return problem;
        })
      }
    >
      <Field label="Called by" hint="The people they call move with them.">
        {(p) => (
          <select {...p} value={parent} onChange={(e) => setParent(e.target.value)} autoFocus>
            <option value="">(first caller)</option>
            {callerOptions(props.entries, props.entry.id)}
          </select>
        )}
      </Field>
    </Dialog>
  );
}
