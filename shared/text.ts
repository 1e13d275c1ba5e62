/**
 * Text at the boundary, written once: a string holding a lone surrogate (half of an emoji, say)
 * cannot be stored as UTF-8, so it never gets past a door. The reader replaces them in cells it
 * reads (and says so); the app's calls and the restore refuse them, naming the field.
 */

// ES2024's well-formed string methods (Node 20 and Chromium have them; the project's TypeScript lib is ES2023).
type WellFormed = { isWellFormed(): boolean; toWellFormed(): string };

/** True when `text` holds no lone surrogate: it can be written as UTF-8 as it is. */
export function isWellFormed(text: string): boolean {
  return (text as unknown as WellFormed).isWellFormed();
}

/** `text` with every lone surrogate replaced by U+FFFD. */
export function toWellFormed(text: string): string {
  return (text as unknown as WellFormed).toWellFormed();
}

/**
 * The path ("people.3.name") of the first string in `value` that is not well-formed, or null.
 * Walks plain arrays and objects iteratively, so a deep document cannot overflow the stack.
 */
export function brokenTextPath(value: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isWellFormed(v)) return path === '' ? '(the value)' : path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: path === '' ? String(i) : `${path}.${i}` });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, item] = entries[i]!;
        if (!isWellFormed(k)) return path === '' ? '(a key)' : `${path} (a key)`;
        stack.push({ value: item, path: path === '' ? k : `${path}.${k}` });
      }
    }
  }
  return null;
}

/** The sentence that refuses broken text, the same from every door. */
export function brokenTextMessage(path: string): string {
  return `${path} holds broken text (half of a character, such as a cut emoji); retype it and try again.`;
}
