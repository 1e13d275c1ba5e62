/**
 * How a contract method is declared: its input and output schemas, a line of documentation, and
 * whether it writes. Domain files (shared/continuity.ts, shared/risks.ts) declare their methods
 * with these, and shared/contract.ts gathers them into the one contract.
 */
import type { z } from 'zod';

/**
 * A query only reads; a mutation writes one undoable change. The renderer runs mutations one at a
 * time in the order the user made them, and never gives up waiting on one (it may still commit).
 */
export type MethodKind = 'query' | 'mutation';

export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string) {
  return { input, output, doc, kind: 'query' as MethodKind };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string) {
  return { input, output, doc, kind: 'mutation' as MethodKind };
}
