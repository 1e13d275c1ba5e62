/** The views of the shell, in sidebar order; the index is the Alt+digit shortcut. */
export const views = [
  { id: 'org', label: 'Org', key: 'o' },
  { id: 'accounts', label: 'Accounts', key: 'a' },
  { id: 'budget', label: 'Budget', key: 'b' },
  { id: 'variance', label: 'Variance', key: 'v' },
  { id: 'plans', label: 'Plans', key: 'p' },
  { id: 'import', label: 'Import', key: 'i' },
  { id: 'reports', label: 'Reports', key: 'r' },
  { id: 'continuity', label: 'Continuity', key: 'c' },
  { id: 'risks', label: 'Risks', key: 'k' },
  { id: 'settings', label: 'Settings', key: 's' },
] as const;

export type ViewId = (typeof views)[number]['id'];

export function isViewId(value: unknown): value is ViewId {
  return views.some((v) => v.id === value);
}
