import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { appRouter, type AppRouter } from './root.ts';
import { createCallerFactory, createContext, type Context } from './trpc.ts';

/** Calls the API in-process, with the same context and checks as over HTTP. */
const createCaller = createCallerFactory(appRouter);

export { appRouter, createCaller, createContext };
export type { AppRouter, Context };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export {
	canEditNews,
	canEditForbundNews,
	canEditRegionNews,
	canReadMinutes,
	canWriteMinutes,
	type MinutesScope,
	canAdministerScope,
	canReadAuditLog,
	requiresTwoFactor,
	PRIVILEGED_ROLES,
	type AdminScope
} from './access.ts';
export { recordAuditAs } from './domain/audit.ts';
export { ROLE_LABELS, BOARD_ROLE_LABELS, roleLabel } from './domain/roles.ts';
export { AUDIT_PAGE_SIZE } from './router/admin.ts';
export { NEWS_PAGE_SIZE } from './router/news.ts';
export { SiteFactsCache } from './domain/sites.ts';
export { renderStoredBodies } from './domain/body-html.ts';
