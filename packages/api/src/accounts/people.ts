import { sql, type Kysely } from 'kysely';
import type { Database, Role } from '@regionportalen/db';
import type { AdminScope } from './access.ts';
import { forbundNotFound } from '../core/index.ts';

type Q = Kysely<Database>;

/** Memberships visible to the caller in a scope, with their person and place (row-level security applies). */
export async function listScopeMemberships(db: Q, scope: AdminScope, roles?: Role[]) {
	let query = db
		.selectFrom('membership as m')
		.innerJoin('app_user as u', 'u.id', 'm.user_id')
		.leftJoin('forbund as f', 'f.id', 'm.forbund_id')
		.leftJoin('region as r', (join) => join.on((eb) => eb('r.id', '=', eb.fn.coalesce('m.region_id', 'f.region_id'))))
		.select([
			'm.id',
			'm.role',
			'm.board_role',
			'm.forbund_id',
			'm.region_id',
			'm.created_at',
			'f.region_id as forbund_region_id',
			'f.short_name as forbund_name',
			'r.name as region_name',
			'u.id as user_id',
			'u.email',
			'u.name',
			sql<boolean>`u.password_hash is null`.as('invited'),
			sql<boolean>`u.totp_enabled_at is not null`.as('two_factor')
		]);
	if (scope.kind === 'forbund') {
		query = query.where('m.forbund_id', '=', scope.id).where('m.role', 'in', ['editor', 'forbund_admin', 'presidium']);
	} else if (scope.kind === 'region') {
		query = query.where((eb) =>
			eb.or([
				eb.and([eb('m.role', '=', 'coordinator'), eb('m.region_id', '=', scope.id)]),
				eb.and([eb('m.role', '=', 'presidium'), eb('f.region_id', '=', scope.id)])
			])
		);
	}
	if (roles) query = query.where('m.role', 'in', roles);
	return query.orderBy('u.name').orderBy('u.email').orderBy('m.id').execute();
}

/** The förbund a membership belongs to, with its region, by id (404 when there is none). */
export async function forbundRegion(db: Q, forbundId: number) {
	const forbund = await db
		.selectFrom('forbund')
		.select(['id', 'region_id', 'short_name', 'name'])
		.where('id', '=', forbundId)
		.executeTakeFirst();
	if (!forbund) throw forbundNotFound();
	return forbund;
}
