import type { TRPCRouterRecord } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import {
	erasePersonalData,
	exportPersonalData,
	recordAudit,
	roleCheckedProcedure,
	type DataScope
} from '../core/index.ts';
import { assertCanHandlePersonalData, personalDataForbunds } from './access.ts';
import { PERSONAL_DATA_REGISTRY } from './registry.ts';
import { recordRequest } from './requests.ts';
import { eraseInput, lookupInput, requestInput, scopeSchema } from './schemas.ts';

export const REQUESTS_PAGE_SIZE = 50;

/** A förbund admin's part leaves out what is the platform's alone, such as the account itself. */
const registryFor = (scope: DataScope) => PERSONAL_DATA_REGISTRY.filter((r) => scope === 'all' || r.domain !== 'audit');

export const privacyRouter = {
	/** Accounts matching an id or an e-mail address, to choose whose data to export or erase. */
	lookup: roleCheckedProcedure.input(lookupInput.extend({ scope: scopeSchema })).query(async ({ ctx, input }) => {
		assertCanHandlePersonalData(ctx.memberships, input.scope);
		const id = /^\d+$/.test(input.query) ? Number(input.query) : null;
		let query = ctx.db.selectFrom('app_user').select(['app_user.id', 'app_user.name', 'app_user.email']);
		query =
			id !== null
				? query.where('app_user.id', '=', id)
				: query.where(sql<boolean>`lower(app_user.email) = lower(${input.query})`);
		// A förbund admin finds only people with a role in their förbund.
		if (input.scope !== 'all') {
			const forbundId = input.scope.forbundId;
			query = query.where((eb) =>
				eb.exists(
					eb
						.selectFrom('membership')
						.whereRef('membership.user_id', '=', 'app_user.id')
						.where('membership.forbund_id', '=', forbundId)
				)
			);
		}
		const accounts = await query.orderBy('app_user.id').limit(10).execute();
		return { accounts, email: id === null && input.query.includes('@') ? input.query.toLowerCase() : null };
	}),

	/** Everything held about the person in the scope, as JSON; the request is recorded. */
	export: roleCheckedProcedure.input(requestInput).mutation(async ({ ctx, input }) => {
		assertCanHandlePersonalData(ctx.memberships, input.scope);
		const data = await exportPersonalData(ctx.db, registryFor(input.scope), input.subject, input.scope);
		const summary = data.map((d) => ({
			domain: d.domain,
			tables: Object.fromEntries(Object.entries(d.tables).map(([table, rows]) => [table, { rows: rows.length }]))
		}));
		const requestId = await recordRequest(ctx.db, { kind: 'export', handledBy: ctx.user.id, ...input, summary });
		await recordAudit(ctx.db, ctx.user, {
			action: 'privacy.export',
			entity_type: 'personal_data_request',
			entity_id: String(requestId),
			forbund_id: input.scope === 'all' ? null : input.scope.forbundId,
			summary: 'Lämnade ut en persons uppgifter på begäran'
		});
		return { requestId, exportedAt: new Date().toISOString(), data };
	}),

	/**
	 * Erases or anonymises the person's data in the scope as each domain declares, records the
	 * request and what was done, all in the procedure's one transaction: a failure leaves nothing.
	 */
	erase: roleCheckedProcedure.input(eraseInput).mutation(async ({ ctx, input }) => {
		assertCanHandlePersonalData(ctx.memberships, input.scope);
		const erased = await erasePersonalData(ctx.db, registryFor(input.scope), input.subject, input.scope);
		const summary = erased.map((d) => ({ domain: d.domain, tables: { ...d.tables } }));
		const requestId = await recordRequest(ctx.db, { kind: 'erase', handledBy: ctx.user.id, ...input, summary });
		await recordAudit(ctx.db, ctx.user, {
			action: 'privacy.erase',
			entity_type: 'personal_data_request',
			entity_id: String(requestId),
			forbund_id: input.scope === 'all' ? null : input.scope.forbundId,
			summary: 'Raderade en persons uppgifter på begäran'
		});
		return { requestId, erased };
	}),

	/** The requests the caller may see, newest first, with when each was due; late ones marked. */
	requests: roleCheckedProcedure
		.input(z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }))
		.query(async ({ ctx, input }) => {
			const forbunds = personalDataForbunds(ctx.memberships);
			assertCanHandlePersonalData(ctx.memberships, forbunds === null ? 'all' : { forbundId: forbunds[0] ?? -1 });
			const rows = await ctx.db
				.selectFrom('personal_data_request as r')
				.leftJoin('forbund', 'forbund.id', 'r.forbund_id')
				.select([
					'r.id',
					'r.kind',
					'r.subject_label',
					'r.received_at',
					'r.due_at',
					'r.done_at',
					'r.summary',
					'forbund.name as forbund',
					sql<boolean>`r.done_at > r.due_at`.as('late')
				])
				.orderBy('r.id', 'desc')
				.limit(REQUESTS_PAGE_SIZE + 1)
				.offset((input.page - 1) * REQUESTS_PAGE_SIZE)
				.execute();
			return {
				requests: rows.slice(0, REQUESTS_PAGE_SIZE),
				hasMore: rows.length > REQUESTS_PAGE_SIZE,
				page: input.page
			};
		})
} satisfies TRPCRouterRecord;
