import { z } from 'zod';
import { dateSchema } from './periods';

export const idSchema = z.string().min(1).max(64);
const name = z.string().trim().min(1, 'name is required').max(200);
export const departmentCodeSchema = z
  .string()
  .trim()
  .min(1, 'cost-centre code is required')
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'code may hold letters, digits, dot, dash and underscore');

/**
 * How deep the department tree may go, a top-level department being level 1. An org chart deeper
 * than this is a mistake (a file whose every row is the parent of the next), and the tree's
 * closure grows with the square of its depth. One limit for the app, imports and restores.
 */
export const maxDepartmentLevels = 64;

/** The refusal for department `code` at `level` (1 at the top), or null within the limit: one wording everywhere. */
export function departmentLevelProblem(code: string, level: number): string | null {
  if (level <= maxDepartmentLevels) return null;
  return `department ${code} would be ${level} levels deep; departments nest at most ${maxDepartmentLevels} levels`;
}

/** Budget lines and actuals live only on departments without sub-departments (totals roll up the tree): the refusal in words. */
export function figuresOnParentProblem(code: string, name: string): string {
  return `department ${code} ${name} has sub-departments; budget lines and actuals live only on departments without sub-departments`;
}

export const departmentSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  parentId: idSchema.nullable(),
  manager: z.string().nullable(),
  depth: z.number().int(),
  childCount: z.number().int(),
  peopleCount: z.number().int(),
  budgetLineCount: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentCreateSchema = z.object({
  code: departmentCodeSchema,
  name,
  parentId: idSchema.nullable(),
  manager: z.string().trim().max(200).nullable().optional(),
});
export const departmentUpdateSchema = z.object({
  id: idSchema,
  code: departmentCodeSchema.optional(),
  name: name.optional(),
  manager: z.string().trim().max(200).nullable().optional(),
});
export const departmentMoveSchema = z.object({ id: idSchema, parentId: idSchema.nullable() });

/** A person's end date before their start date, in words; null when the dates agree (ISO dates compare as text). */
export function personDatesProblem(startDate: string | null, endDate: string | null): string | null {
  return startDate !== null && endDate !== null && endDate < startDate ? `The end date (${endDate}) is before the start date (${startDate}).` : null;
}

export const personStatusSchema = z.enum(['active', 'open']);
export const personSchema = z.object({
  id: idSchema,
  departmentId: idSchema,
  name: z.string(),
  title: z.string().nullable(),
  fte: z.number(),
  annualSalaryMinor: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: personStatusSchema,
  /** For the continuity call tree; null when not recorded. */
  phone: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

const personFields = {
  departmentId: idSchema,
  name,
  title: z.string().trim().max(200).nullable(),
  fte: z.number().min(0).max(1.5),
  annualSalaryMinor: z.number().int().min(0).max(1e13).nullable(),
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  status: personStatusSchema,
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\-.\s/extEXT]*$/, 'a phone number holds digits, spaces, + ( ) - . / and "ext"')
    .nullable()
    .optional(),
};
export const personCreateSchema = z.object(personFields);
export const personUpdateSchema = z.object({ id: idSchema }).extend(z.object(personFields).partial().shape);
