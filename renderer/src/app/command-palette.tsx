import { useEffect, useMemo, useRef, useState } from 'react';
import { buildCommands } from './commands';
import { fuzzyScore } from './fuzzy';
import { useApp } from './store';

const maxShown = 50;

/** Ctrl/Cmd+K: type a few letters of anything the app can do, arrow to it, Enter. */
export function CommandPalette() {
  const setOpen = useApp((s) => s.setPaletteOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const commands = useMemo(() => buildCommands(), []);

  const matches = useMemo(() => {
    const scored: { score: number; index: number }[] = [];
    commands.forEach((c, index) => {
      const score = fuzzyScore(query, c.title);
      if (score !== null) scored.push({ score, index });
    });
    if (query.trim() !== '') scored.sort((a, b) => b.score - a.score || a.index - b.index);
    return scored.slice(0, maxShown).map((s) => commands[s.index]!);
  }, [commands, query]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    document.getElementById(`palette-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const runAt = (i: number) => {
    const command = matches[i];
    if (!command) return;
    setOpen(false);
    command.run();
  };

  return (
    <dialog
      ref={ref}
      className="dialog palette"
      aria-label="Command palette"
      onCancel={(e) => {
        e.preventDefault();
        setOpen(false);
      }}
      onClick={(e) => {
        if (e.target === ref.current) setOpen(false);
      }}
    >
      <input
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={matches.length > 0 ? `palette-option-${active}` : undefined}
        aria-label="Command"
        placeholder="Type a command, a plan or a department…"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            runAt(active);
          }
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
        {matches.map((c, i) => (
          <li
            key={c.id}
            id={`palette-option-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'palette-option active' : 'palette-option'}
            onMouseMove={() => setActive(i)}
            onClick={() => runAt(i)}
          >
            <span>{c.title}</span>
            {c.hint ? <span className="palette-hint">{c.hint}</span> : null}
          </li>
        ))}
        {matches.length === 0 ? <li className="palette-empty">No command matches “{query}”.</li> : null}
      </ul>
    </dialog>
  );
}
