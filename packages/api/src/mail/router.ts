import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { pageSchema, roleCheckedProcedure } from '../core/index.ts';
import { assertCanReadMail } from './access.ts';

export const MAIL_PAGE_SIZE = 50;

const statusSchema = z.enum(['all', 'pending', 'sent', 'failed']).default('all');

export const mailRouter = {
	/**
	 * The outbox as far as the caller may see it, newest first: to whom, about what, how it went.
	 * The body is not among the columns the servers may read at all.
	 */
	outbox: roleCheckedProcedure
		.input(z.object({ status: statusSchema, page: pageSchema }))
		.query(async ({ ctx, input }) => {
			const scope = assertCanReadMail(ctx.memberships);
			let query = ctx.db
				.selectFrom('mail_outbox')
				.leftJoin('forbund', 'forbund.id', 'mail_outbox.forbund_id')
				.select([
					'mail_outbox.id',
					'mail_outbox.recipient',
					'mail_outbox.subject',
					'mail_outbox.status',
					'mail_outbox.attempts',
					'mail_outbox.last_error',
					'mail_outbox.created_at',
					'mail_outbox.sent_at',
					'mail_outbox.next_attempt_at',
					'forbund.name as forbund'
				]);
			if (scope !== 'all') query = query.where('mail_outbox.forbund_id', 'in', scope);
			if (input.status !== 'all') query = query.where('mail_outbox.status', '=', input.status);
			const rows = await query
				.orderBy('mail_outbox.id', 'desc')
				.limit(MAIL_PAGE_SIZE + 1)
				.offset((input.page - 1) * MAIL_PAGE_SIZE)
				.execute();
			return {
				mails: rows.slice(0, MAIL_PAGE_SIZE),
				hasMore: rows.length > MAIL_PAGE_SIZE,
				page: input.page,
				status: input.status
			};
		})
} satisfies TRPCRouterRecord;
