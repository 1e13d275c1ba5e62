import { Dialog } from '../components/dialog';
import { useApp } from './store';
import { views } from './views';

const general: [string, string][] = [
  ['Ctrl/⌘ K', 'Command palette'],
  ['?', 'This list'],
  ['Ctrl/⌘ Z', 'Undo'],
  ['Ctrl/⌘ Shift Z, Ctrl Y', 'Redo'],
  ['Drop a file on the window', 'Import a spreadsheet'],
];

const grid: [string, string][] = [
  ['Arrows, Tab, Shift+Tab', 'Move the selected cell'],
  ['Enter, Shift+Enter', 'Move down / up (commit when editing)'],
  ['Shift+Arrows', 'Extend the selection'],
  ['Type', 'Replace the cell'],
  ['F2, double-click', 'Edit the cell in place'],
  ['Escape', 'Cancel the edit'],
  ['Delete, Backspace', 'Clear the selected cells'],
  ['Ctrl/⌘ C, Ctrl/⌘ V', 'Copy the selection / paste a block from a spreadsheet'],
  ['Home, End', 'First / last month of the row'],
];

export function ShortcutsHelp() {
  const setOpen = useApp((s) => s.setHelpOpen);
  const rows: [string, string][] = [
    ...views.map((v, i): [string, string] => [`Alt+${i + 1} or g ${v.key}`, `Go to ${v.label}`]),
    ...general,
  ];
  return (
    <Dialog label="Keyboard shortcuts" onClose={() => setOpen(false)} wide>
      <div className="shortcut-columns">
        <ShortcutTable caption="Anywhere" rows={rows} />
        <ShortcutTable caption="Budget grid" rows={grid} />
      </div>
    </Dialog>
  );
}

function ShortcutTable({ caption, rows }: { caption: string; rows: [string, string][] }) {
  return (
    <table className="shortcut-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([keys, what]) => (
          <tr key={keys}>
            <th scope="row">
              <kbd>{keys}</kbd>
            </th>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
