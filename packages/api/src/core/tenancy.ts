import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { ownerSchema } from './schemas.ts';
import { forbundBySlug, regionBySlug } from './site-facts.ts';
import type { Context } from './trpc.ts';

// Whose data a call is about: a förbund or a region named in the input, looked up (through the
// site-facts cache) or refused with the one 404 every domain gives.

type Lookup = Pick<Context, 'db' | 'siteFacts'>;

export const forbundNotFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Förbundet finns inte.' });
export const regionNotFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Regionen finns inte.' });

export async function requireForbund(ctx: Lookup, slug: string) {
	const forbund = await forbundBySlug(ctx, slug);
	if (!forbund) throw forbundNotFound();
	return forbund;
}

export async function requireRegion(ctx: Lookup, slug: string) {
	const region = await regionBySlug(ctx, slug);
	if (!region) throw regionNotFound();
	return region;
}

export type OwnerInput = z.infer<typeof ownerSchema>;

/** A förbund's own data, or its region's (forbundId null), with the owner's name. */
export interface Owner {
	forbundId: number | null;
	regionId: number;
	name: string;
}

export async function resolveOwner(ctx: Lookup, owner: OwnerInput): Promise<Owner> {
	if ('forbund' in owner) {
		const forbund = await requireForbund(ctx, owner.forbund);
		return { forbundId: forbund.id, regionId: forbund.region_id, name: forbund.name };
	}
	const region = await requireRegion(ctx, owner.region);
	return { forbundId: null, regionId: region.id, name: region.name };
}
