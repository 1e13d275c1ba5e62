/**
 * What the storage under the workspace says, in a line that stays until it stops being true: a
 * workspace opened read-only (its file or folder cannot be written), or damage found by the deep
 * check that runs in the background after opening. While that check has not finished, the app asks
 * again now and then, so damage is reported without the user doing anything.
 */
import { useEffect } from 'react';
import { useApp } from './store';

const pollMs = 5_000;

/** The core's reason ("it is on a read-only disk") as a sentence of its own. */
function sentence(text: string): string {
  const t = text.trim().replace(/^it is /i, 'The workspace is ');
  const s = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

export function StorageBanner() {
  const storage = useApp((s) => s.workspace?.storage);
  const refresh = useApp((s) => s.refresh);
  const pending = storage !== undefined && (storage.integrity === 'unchecked' || storage.integrity === 'checking');

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void refresh(), pollMs);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  if (storage === undefined) return null;
  if (storage.integrity === 'damaged') {
    return (
      <div className="storage-banner storage-banner-damaged" role="alert">
        <strong>This workspace is damaged.</strong> {sentence(storage.problem ?? 'The background check found damage in the file.')} Export what you
        need now and open the newest backup; nothing is repaired or deleted automatically.
      </div>
    );
  }
  if (storage.readOnly !== null) {
    return (
      <div className="storage-banner" role="status">
        <strong>Read-only.</strong> {sentence(storage.readOnly)} You can read, check and export; changes are refused.
      </div>
    );
  }
  return null;
}
