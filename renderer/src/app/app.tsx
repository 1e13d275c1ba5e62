import { useEffect } from 'react';
import { defaultLocale } from '../../../shared/date-format';
import { AccountsView } from '../features/accounts/accounts-view';
import { BudgetView } from '../features/budget/budget-view';
import { ImportsView } from '../features/imports/imports-view';
import { useFileDrop } from '../features/imports/use-file-drop';
import { OrgView } from '../features/org/org-view';
import { PlansView } from '../features/plans/plans-view';
import { ReportsView } from '../features/report/reports-view';
import { ContinuityView } from '../features/continuity/continuity-view';
import { CurrencyView } from '../features/currency/currency-view';
import { RisksView } from '../features/risks/risks-view';
import { VarianceView } from '../features/variance/variance-view';
import { CommandPalette } from './command-palette';
import { GlobalDialogs } from './global-dialogs';
import { ShortcutsHelp } from './shortcuts-help';
import { Sidebar } from './sidebar';
import { StorageBanner } from './storage-banner';
import { useApp } from './store';
import { Toasts } from './toasts';
import { TopBar } from './top-bar';
import { useGlobalShortcuts } from './use-global-shortcuts';

function CurrentView() {
  const view = useApp((s) => s.view);
  switch (view) {
    case 'org':
      return <OrgView />;
    case 'accounts':
      return <AccountsView />;
    case 'budget':
      return <BudgetView />;
    case 'variance':
      return <VarianceView />;
    case 'plans':
      return <PlansView />;
    case 'import':
      return <ImportsView />;
    case 'reports':
      return <ReportsView />;
    case 'continuity':
      return <ContinuityView />;
    case 'risks':
      return <RisksView />;
    case 'settings':
      return <CurrencyView />;
  }
}

export function App() {
  const ready = useApp((s) => s.ready);
  const loadError = useApp((s) => s.loadError);
  const paletteOpen = useApp((s) => s.paletteOpen);
  const helpOpen = useApp((s) => s.helpOpen);
  const workspaceName = useApp((s) => s.workspace?.name);
  const locale = useApp((s) => s.workspace?.locale ?? defaultLocale);
  useGlobalShortcuts();
  const draggingFile = useFileDrop();

  useEffect(() => {
    void useApp.getState().refresh();
  }, []);

  useEffect(() => {
    document.title = workspaceName ? `${workspaceName} — Quartermaster` : 'Quartermaster';
  }, [workspaceName]);

  // The page speaks the workspace's locale (screen readers, and date inputs where the browser follows it).
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  if (!ready) {
    return (
      <div className="startup">
        {loadError ? (
          <div role="alert" className="startup-error">
            <h1>Cannot open the workspace</h1>
            <p>{loadError}</p>
            <button type="button" className="button" onClick={() => void useApp.getState().refresh()}>
              Try again
            </button>
          </div>
        ) : (
          <p className="muted">Opening workspace…</p>
        )}
      </div>
    );
  }

  return (
    <div className="shell">
      <Sidebar />
      <div className="main">
        <TopBar />
        <StorageBanner />
        <main className="content">
          {/* Dates are formatted as cells render: a new locale remounts the view to show it everywhere. */}
          <CurrentView key={locale} />
        </main>
      </div>
      {draggingFile ? (
        <div className="file-drop-hint" aria-hidden="true">
          Drop to import the spreadsheet
        </div>
      ) : null}
      <Toasts />
      <GlobalDialogs />
      {paletteOpen ? <CommandPalette /> : null}
      {helpOpen ? <ShortcutsHelp /> : null}
    </div>
  );
}
