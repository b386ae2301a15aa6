import type { TRPCRouterRecord } from '@trpc/server';
import { signedInProcedure } from '../core/index.ts';

export const usersRouter = {
	/** The signed-in person and their roles, so pages can show what they may do. */
	me: signedInProcedure.query(({ ctx }) => ({
		user: ctx.user,
		memberships: ctx.memberships.map(({ role, forbund_id, region_id, board_role }) => ({
			role,
			forbund_id,
			region_id,
			board_role
		}))
	}))
} satisfies TRPCRouterRecord;
