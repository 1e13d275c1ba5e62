/**
 * Reading the person dialog's number fields. Each answer is a value or the words to show under
 * the field; nothing is guessed (Number('') is 0, so a cleared FTE must not become zero).
 */
import { parseAmount } from '../../../../shared/money';

export type FieldValue<T> = { ok: true; value: T } | { ok: false; message: string };

const maxFte = 1.5;

export function parseFte(text: string): FieldValue<number> {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'Enter the FTE, such as 1 or 0.5.' };
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, message: `“${t}” is not a number; use 1 or 0.5.` };
  const value = Number(t);
  if (value > maxFte) return { ok: false, message: `FTE is at most ${maxFte}.` };
  return { ok: true, value };
}

/** Annual salary in minor units; empty means none given (open roles often have none yet). */
export function parseSalary(text: string): FieldValue<number | null> {
  const parsed = parseAmount(text);
  if (!parsed.ok) return { ok: false, message: `${parsed.message}; use 85,000 or 85k.` };
  if (parsed.minor !== null && parsed.minor < 0) return { ok: false, message: 'A salary cannot be negative.' };
  return { ok: true, value: parsed.minor };
}
