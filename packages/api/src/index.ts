import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createCallerFactory, createContext, type Context } from './core/index.ts';
import { appRouter, type AppRouter } from './root.ts';

/** Calls the API in-process, with the same context and checks as over HTTP. */
const createCaller = createCallerFactory(appRouter);

export { appRouter, createCaller, createContext };
export type { AppRouter, Context };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export {
	canEditAccessibility,
	HUB_NAME,
	MAX_GAPS,
	reportFieldsSchema,
	REPORTS_PATH,
	statementSchema
} from './accessibility/index.ts';
export {
	FEATURE_LABELS,
	PRIVILEGED_ROLES,
	renderStoredBodies,
	requiresTwoFactor,
	SiteFactsCache,
	type BodyTable
} from './core/index.ts';
export { canArrangeMenu, canSetRegionFeatures, type MenuEntry, type MenuLink } from './sites/index.ts';
export {
	AUDIT_PAGE_SIZE,
	BOARD_ROLE_LABELS,
	canAdministerScope,
	canReadAuditLog,
	ROLE_LABELS,
	roleLabel,
	type AdminScope
} from './accounts/index.ts';
export { canAskForPlace, canKeepRegister, canLeaveNote, canReadNotes, canReadRequests } from './asf/index.ts';
export { canReadAgreementInternals, unusedFundedPlaces, whoBuysWhatTable } from './asf/index.ts';
export { canHandlePersonalData, ERASE_CONFIRMATION, REQUESTS_PAGE_SIZE } from './privacy/index.ts';
export { canEditPages, PAGE_HITS, RESERVED_SLUGS } from './content/index.ts';
export { canApproveInsats, canEditInsats, CATEGORIES_FIXED_MESSAGE } from './insatser/index.ts';
export { canReadMail, MAIL_PAGE_SIZE } from './mail/index.ts';
export { canReadMinutes, canWriteMinutes, type MinutesScope } from './minutes/index.ts';
export { canApproveProject, canWriteProject, canWriteProjectsOf } from './projects/index.ts';
export { canEditForbundNews, canEditNews, canEditRegionNews, NEWS_PAGE_SIZE } from './news/index.ts';
