/** The Edit and Delete/Remove buttons at the end of a table row, named for the row they act on. */
export function EditRemoveCell({
  name,
  onEdit,
  onRemove,
  removeLabel = 'Delete',
}: {
  /** What the row is, for the buttons' accessible names ("Edit Northline Fuel"). */
  name: string;
  onEdit: () => void;
  onRemove: () => void;
  removeLabel?: 'Delete' | 'Remove';
}) {
  return (
    <td className="row-actions">
      <button type="button" className="button small" aria-label={`Edit ${name}`} onClick={onEdit}>
        Edit
      </button>
      <button type="button" className="button small danger-text" aria-label={`${removeLabel} ${name}`} onClick={onRemove}>
        {removeLabel}
      </button>
    </td>
  );
}
