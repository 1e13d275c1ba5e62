/**
 * Where the renderer lives inside the desktop app. It is served from a privileged custom scheme
 * rather than file://, because every file:// page shares the opaque origin "null": comparing
 * origins would then let any local file pass for the app (Electron security checklist #18).
 */
export const appScheme = 'quartermaster';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;
export const appIndexUrl = `${appOrigin}/index.html`;

/**
 * The origin of a URL, exactly. WHATWG URL reports "null" for non-special schemes, so for those
 * we build scheme://host ourselves; credentials in a URL make it foreign outright.
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  if (url.host === '') return null;
  return `${url.protocol}//${url.host}`;
}

export function isAppUrl(raw: string): boolean {
  return originOf(raw) === appOrigin;
}

/** Schemes a link may hand to the operating system; anything else (file:, javascript:, smb:…) is dropped. */
export const externalSchemes: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);

export function isExternalAllowed(raw: string): boolean {
  try {
    return externalSchemes.has(new URL(raw).protocol);
  } catch {
    return false;
  }
}
