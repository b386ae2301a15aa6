import type { z } from 'zod';
import { requireForbund, type Context } from '../core/index.ts';
import type { siteSchema } from './schemas.ts';

// Whose site a call is about, with the facts its statement and its report mail are filled from.

export type SiteInput = z.infer<typeof siteSchema>;

export interface SiteFacts {
	/** null: the hub. */
	forbundId: number | null;
	regionId: number | null;
	name: string;
	/** Its public address: the registered origin, else the one serving this request. */
	origin: string | null;
	contactEmail: string | null;
	contactPhone: string | null;
}

/** The hub's name, as its layout shows it. */
export const HUB_NAME = 'Regionportalen';

export async function resolveSite(
	ctx: Pick<Context, 'db' | 'siteFacts' | 'origin'>,
	site: SiteInput
): Promise<SiteFacts> {
	if ('hub' in site) {
		return {
			forbundId: null,
			regionId: null,
			name: HUB_NAME,
			origin: ctx.origin ?? null,
			contactEmail: null,
			contactPhone: null
		};
	}
	const f = await requireForbund(ctx, site.forbund);
	return {
		forbundId: f.id,
		regionId: f.region_id,
		name: f.name,
		origin: f.origin ?? ctx.origin ?? null,
		contactEmail: f.contact_email,
		contactPhone: f.contact_phone
	};
}
