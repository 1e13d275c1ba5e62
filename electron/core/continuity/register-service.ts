/**
 * The vendor register and the systems and sites processes depend on. Deleting one that is used
 * is refused with what uses it, or done with a replacement in one change (references.ts).
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Asset, assetCreateSchema, assetUpdateSchema, Vendor, vendorCreateSchema, vendorUpdateSchema } from '../../../shared/continuity';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { assets, vendors } from '../db/schema';
import { withChange } from '../history/change';
import { cleanName, requireHours, requireMoney, requireNameFree, textOrNull } from './checks';
import type { AssetRow, VendorRow } from './load';
import { moveReferences, refuseIfUsed } from './references';
import { assetDetail, vendorDetail } from './views';

export type VendorCreate = z.output<typeof vendorCreateSchema>;
export type VendorUpdate = z.output<typeof vendorUpdateSchema>;
export type AssetCreate = z.output<typeof assetCreateSchema>;
export type AssetUpdate = z.output<typeof assetUpdateSchema>;

export function requireVendor(ctx: Ctx, id: string, role = 'That vendor'): VendorRow {
  const row = ctx.db.select().from(vendors).where(eq(vendors.id, id)).get();
  if (!row) throw new AppError('not_found', `${role} is no longer in the workspace.`);
  return row;
}

export function requireAsset(ctx: Ctx, id: string, role = 'That system or site'): AssetRow {
  const row = ctx.db.select().from(assets).where(eq(assets.id, id)).get();
  if (!row) throw new AppError('not_found', `${role} is no longer in the workspace.`);
  return row;
}

function checkVendorValues(v: Pick<VendorRow, 'name' | 'recoveryHours' | 'annualSpendMinor' | 'email'>): void {
  requireHours(v.recoveryHours, `The recovery time of ${v.name}`);
  requireMoney(v.annualSpendMinor, `The annual spend with ${v.name}`);
  if (v.email !== null && !/^[^\s@]+@[^\s@]+$/.test(v.email)) throw new AppError('invalid_input', `"${v.email}" is not an email address.`);
}

export function createVendor(ctx: Ctx, input: VendorCreate): Vendor {
  const row = newVendorRow(ctx, input);
  withChange(ctx, `Add vendor ${row.name}`, (w) => w.insert('vendors', row));
  return vendorDetail(ctx, row.id);
}

/** A checked vendor row, not yet written (a dependency can add its new vendor in its own change). */
export function newVendorRow(ctx: Ctx, input: VendorCreate): VendorRow {
  const name = cleanName(input.name, 'vendor');
  requireNameFree(ctx, 'vendors', name);
  const row: VendorRow = {
    id: ctx.newId(),
    name,
    service: input.service?.trim() ?? '',
    contactName: textOrNull(input.contactName),
    phone: textOrNull(input.phone),
    email: textOrNull(input.email),
    contractEnd: input.contractEnd ?? null,
    annualSpendMinor: input.annualSpendMinor ?? null,
    recoveryHours: input.recoveryHours ?? null,
    createdAt: isoNow(ctx),
    updatedAt: isoNow(ctx),
  };
  checkVendorValues(row);
  return row;
}

export function updateVendor(ctx: Ctx, input: VendorUpdate): Vendor {
  const before = requireVendor(ctx, input.id);
  const patch: Partial<VendorRow> = {};
  if (input.name !== undefined) {
    const name = cleanName(input.name, 'vendor');
    if (name !== before.name) {
      requireNameFree(ctx, 'vendors', name, before.id);
      patch.name = name;
    }
  }
  if (input.service !== undefined && input.service.trim() !== before.service) patch.service = input.service.trim();
  for (const key of ['contactName', 'phone', 'email'] as const) {
    if (input[key] === undefined) continue;
    const value = textOrNull(input[key]);
    if (value !== before[key]) patch[key] = value;
  }
  for (const key of ['contractEnd', 'annualSpendMinor', 'recoveryHours'] as const) {
    const value = input[key];
    if (value !== undefined && value !== before[key]) Object.assign(patch, { [key]: value });
  }
  const after = { ...before, ...patch };
  checkVendorValues(after);
  if (Object.keys(patch).length > 0) withChange(ctx, `Edit vendor ${after.name}`, (w) => void w.update('vendors', before.id, { ...patch, updatedAt: isoNow(ctx) }));
  return vendorDetail(ctx, before.id);
}

/** Deletes a vendor; refused while used, unless `reassignTo` names the vendor that takes its place. */
export function deleteVendor(ctx: Ctx, input: { id: string; reassignTo?: string | undefined }): void {
  const row = requireVendor(ctx, input.id);
  if (input.reassignTo === undefined) {
    refuseIfUsed(ctx, 'vendor', row.id, row.name);
    withChange(ctx, `Delete vendor ${row.name}`, (w) => w.remove('vendors', row.id));
    return;
  }
  if (input.reassignTo === row.id) throw new AppError('invalid_input', `${row.name} cannot take its own place; choose another vendor.`);
  const to = requireVendor(ctx, input.reassignTo, 'The vendor chosen to take its place');
  withChange(ctx, `Delete vendor ${row.name}, moving its uses to ${to.name}`, (w) => {
    moveReferences(ctx, w, 'vendor', row.id, to.id);
    w.remove('vendors', row.id);
  });
}

export function createAsset(ctx: Ctx, input: AssetCreate): Asset {
  const row = newAssetRow(ctx, input);
  withChange(ctx, `Add ${row.kind} ${row.name}`, (w) => w.insert('assets', row));
  return assetDetail(ctx, row.id);
}

/** A checked system or site row, not yet written. */
export function newAssetRow(ctx: Ctx, input: AssetCreate): AssetRow {
  const name = cleanName(input.name, input.kind);
  requireNameFree(ctx, 'assets', name, undefined, { column: 'kind', value: input.kind });
  requireHours(input.recoveryHours, `The recovery time of ${name}`);
  const row: AssetRow = {
    id: ctx.newId(),
    kind: input.kind,
    name,
    description: textOrNull(input.description),
    recoveryHours: input.recoveryHours ?? null,
    createdAt: isoNow(ctx),
    updatedAt: isoNow(ctx),
  };
  return row;
}

export function updateAsset(ctx: Ctx, input: AssetUpdate): Asset {
  const before = requireAsset(ctx, input.id);
  const patch: Partial<AssetRow> = {};
  if (input.name !== undefined) {
    const name = cleanName(input.name, before.kind);
    if (name !== before.name) {
      requireNameFree(ctx, 'assets', name, before.id, { column: 'kind', value: before.kind });
      patch.name = name;
    }
  }
  if (input.description !== undefined && textOrNull(input.description) !== before.description) patch.description = textOrNull(input.description);
  if (input.recoveryHours !== undefined && input.recoveryHours !== before.recoveryHours) {
    requireHours(input.recoveryHours, `The recovery time of ${before.name}`);
    patch.recoveryHours = input.recoveryHours;
  }
  if (Object.keys(patch).length > 0) {
    withChange(ctx, `Edit ${before.kind} ${patch.name ?? before.name}`, (w) => void w.update('assets', before.id, { ...patch, updatedAt: isoNow(ctx) }));
  }
  return assetDetail(ctx, before.id);
}

/** Deletes a system or site; refused while used, unless `reassignTo` names one of the same kind to take its place. */
export function deleteAsset(ctx: Ctx, input: { id: string; reassignTo?: string | undefined }): void {
  const row = requireAsset(ctx, input.id);
  if (input.reassignTo === undefined) {
    refuseIfUsed(ctx, 'asset', row.id, row.name);
    withChange(ctx, `Delete ${row.kind} ${row.name}`, (w) => w.remove('assets', row.id));
    return;
  }
  if (input.reassignTo === row.id) throw new AppError('invalid_input', `${row.name} cannot take its own place; choose another ${row.kind}.`);
  const to = requireAsset(ctx, input.reassignTo, `The ${row.kind} chosen to take its place`);
  if (to.kind !== row.kind) throw new AppError('invalid_input', `${to.name} is a ${to.kind}; a ${row.kind} can only be replaced by another ${row.kind}.`);
  withChange(ctx, `Delete ${row.kind} ${row.name}, moving its uses to ${to.name}`, (w) => {
    moveReferences(ctx, w, 'asset', row.id, to.id);
    w.remove('assets', row.id);
  });
}
