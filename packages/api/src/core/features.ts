import { TRPCError } from '@trpc/server';
import type { Feature } from '@regionportalen/db';
import type { Context } from './trpc.ts';

// A feature a site does not have refuses writes, whatever the caller's role: a förbund's site has
// the features its site.config.ts lists (registered in forbund.features), and a region's part of the
// hub all but those a platform admin turned off (region.features_off).

type Lookup = Pick<Context, 'db' | 'siteFacts'>;

export const FEATURE_LABELS: Record<Feature, string> = {
	news: 'Nyheter',
	search: 'Sök',
	minutes: 'Presidiet',
	content: 'Sidor',
	insatser: 'Insatser',
	documents: 'Dokument',
	projects: 'Projekt',
	asf: 'Sociala företag'
};

/** Whether the owner's site has the feature: a förbund's site, or a region's part of the hub. */
export async function hasFeature(
	ctx: Lookup,
	owner: { forbund_id: number | null; region_id: number },
	feature: Feature
): Promise<boolean> {
	const load = async () =>
		owner.forbund_id === null
			? !(
					await ctx.db
						.selectFrom('region')
						.select('features_off')
						.where('id', '=', owner.region_id)
						.executeTakeFirstOrThrow()
				).features_off.includes(feature)
			: (
					await ctx.db
						.selectFrom('forbund')
						.select('features')
						.where('id', '=', owner.forbund_id)
						.executeTakeFirstOrThrow()
				).features.includes(feature);
	const key = `feature:${owner.forbund_id ?? `region-${owner.region_id}`}:${feature}`;
	return ctx.siteFacts ? ctx.siteFacts.get(key, load) : load();
}

export async function assertFeature(
	ctx: Lookup,
	owner: { forbund_id: number | null; region_id: number },
	feature: Feature
): Promise<void> {
	if (!(await hasFeature(ctx, owner, feature))) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: `${FEATURE_LABELS[feature]} finns inte på den här webbplatsen.`
		});
	}
}
