import { TRPCError } from '@trpc/server';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import type { Scope } from './catalogue.ts';

// The catalogue's usage per month (views per insats, catalogue searches, referral-form downloads),
// for a förbund's admins and, for the whole region, its presidium. The sites count it (site-kit's
// usage counter, through app_count_insats_hit); here it is only read, under the same rule the
// insats_usage_read policy states (app_can_read_insats_usage).

type Q = Kysely<Database> | Transaction<Database>;

/** How many months back the usage page shows. */
export const USAGE_MONTHS = 12;

export async function canReadUsage(db: Q, scope: Scope): Promise<boolean> {
	const { rows } = await sql<{ ok: boolean }>`select app_can_read_insats_usage(
		${scope.forbundId}::integer, ${scope.regionId}::integer) as ok`.execute(db);
	return rows[0]?.ok === true;
}

export async function assertCanReadUsage(db: Q, scope: Scope): Promise<void> {
	if (!(await canReadUsage(db, scope))) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att se katalogens användning.' });
	}
}

export async function readUsage(db: Q, scope: Scope) {
	const since = sql<string>`(date_trunc('month', now()) - make_interval(months => ${USAGE_MONTHS - 1}))::date`;
	let base = db.selectFrom('insats_usage as u').where('u.month', '>=', since);
	base =
		scope.forbundId !== null
			? base.where('u.forbund_id', '=', scope.forbundId)
			: base.where('u.region_id', '=', scope.regionId);
	const sum = (kind: 'view' | 'search' | 'referral') =>
		sql<number>`coalesce(sum(u.count) filter (where u.kind = ${kind}), 0)::int`;
	const [months, insatser] = await Promise.all([
		base
			.select([
				sql<string>`to_char(u.month, 'YYYY-MM')`.as('month'),
				sum('view').as('views'),
				sum('search').as('searches'),
				sum('referral').as('referrals')
			])
			.groupBy('u.month')
			.orderBy('u.month', 'desc')
			.execute(),
		base
			.innerJoin('insats as i', 'i.id', 'u.insats_id')
			.innerJoin('forbund as f', 'f.id', 'i.forbund_id')
			.select([
				'i.id as insats_id',
				'i.name',
				'f.short_name as forbund_name',
				sum('view').as('views'),
				sum('referral').as('referrals')
			])
			.groupBy(['i.id', 'i.name', 'f.short_name'])
			.orderBy(sql`sum(u.count)`, 'desc')
			.orderBy('i.name')
			.execute()
	]);
	return { months, insatser };
}
