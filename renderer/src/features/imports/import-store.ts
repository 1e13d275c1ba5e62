/**
 * The import wizard's state: the file the user chose, the options they set, the latest preview
 * and where in the wizard they are. It lives in a store rather than in the view so that a file
 * dropped anywhere on the window can start the wizard, and so that switching views and back does
 * not lose a half-finished mapping. Nothing here writes to the workspace except commit().
 */
import { create } from 'zustand';
import { maxImportFileBytes, type ImportOptions, type ImportPlan, type ImportResult } from '../../../../shared/imports';
import { call, errorMessage } from '../../api';
import { change } from '../../app/store';

export const wizardSteps = [
  { id: 'file', label: 'File & sheets' },
  { id: 'mapping', label: 'Mapping' },
  { id: 'preview', label: 'Preview' },
  { id: 'diff', label: 'Changes' },
  { id: 'done', label: 'Import' },
] as const;
export type WizardStep = (typeof wizardSteps)[number]['id'];

export interface PickedFile {
  name: string;
  size: number;
  base64: string;
}

interface ImportState {
  tab: 'wizard' | 'history';
  step: WizardStep;
  file: PickedFile | null;
  options: ImportOptions;
  plan: ImportPlan | null;
  /** What the wizard is waiting on, said to the user; null when idle. */
  busy: string | null;
  error: string | null;
  result: ImportResult | null;

  setTab: (tab: ImportState['tab']) => void;
  go: (step: WizardStep) => void;
  pickFile: (file: File) => Promise<void>;
  /** Changes options and previews again; every choice in the wizard goes through here. */
  setOptions: (patch: Partial<ImportOptions>, drop?: readonly (keyof ImportOptions)[]) => Promise<void>;
  commit: () => Promise<void>;
  /** Back to an empty first step; nothing has been written before commit, so nothing is undone. */
  cancel: () => void;
}

/** "12 MB": shown before a file is chosen and in the refusal of a bigger one. */
export const maxFileLabel = `${maxImportFileBytes / (1024 * 1024)} MB`;

// A preview answer can arrive after the user changed an option again, picked another file or
// cancelled: only the answer to the newest request may land.
let previewSeq = 0;

const initial = { step: 'file' as WizardStep, file: null, options: {}, plan: null, busy: null, error: null, result: null };

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      // A data URL: "data:<type>;base64,<data>"; an empty file has no data after the comma.
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/** Reading is done in a worker on the other side and may take a while for a big workbook. */
const previewTimeoutMs = 120_000;

export const useImport = create<ImportState>()((set, get) => {
  async function preview(file: PickedFile, options: ImportOptions): Promise<void> {
    const seq = ++previewSeq;
    set({ busy: `Reading ${file.name} and checking it against the workspace…`, error: null });
    try {
      const plan = await call('imports.preview', { file: { name: file.name, base64: file.base64 }, options }, { timeoutMs: previewTimeoutMs });
      if (seq === previewSeq) set({ plan, busy: null });
    } catch (err) {
      if (seq === previewSeq) set({ busy: null, error: errorMessage(err) });
    }
  }

  return {
    tab: 'wizard',
    ...initial,

    setTab: (tab) => set({ tab }),
    go: (step) => set({ step, error: get().plan ? null : get().error }),

    pickFile: async (picked) => {
      const seq = ++previewSeq;
      set({ ...initial, tab: 'wizard' });
      if (picked.size > maxImportFileBytes) {
        set({ error: `${picked.name} is larger than ${maxFileLabel}, the most the app takes in one import. Split it, or import it with the command line.` });
        return;
      }
      set({ busy: `Reading ${picked.name}…` });
      let base64: string;
      try {
        base64 = await readAsBase64(picked);
      } catch {
        if (seq === previewSeq) set({ busy: null, error: `${picked.name} could not be read from disk. Pick it again.` });
        return;
      }
      if (seq !== previewSeq) return;
      const file = { name: picked.name, size: picked.size, base64 };
      set({ file });
      await preview(file, {});
    },

    setOptions: async (patch, drop = []) => {
      const { file, options } = get();
      if (!file) return;
      const next: ImportOptions = { ...options, ...patch };
      for (const key of drop) delete next[key];
      set({ options: next });
      await preview(file, next);
    },

    commit: async () => {
      const { plan } = get();
      if (!plan || plan.errorCount > 0) return;
      set({ busy: `Importing ${plan.fileName}…`, error: null });
      // change() refreshes the shared lists and every open query, so Budget, Org and Accounts
      // show the import at once; the wizard shows the refusal itself.
      const outcome = await change(() => call('imports.commit', { plan }), { quiet: true });
      if (outcome.ok) set({ busy: null, result: outcome.value, step: 'done' });
      else set({ busy: null, error: outcome.message });
    },

    cancel: () => {
      previewSeq++;
      set({ ...initial });
    },
  };
});
