import type { TRPCRouterRecord } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import { assertNotRateLimited, RateLimitedError, recordFailure } from '@regionportalen/auth';
import { REPORT_STATUS_LABELS } from '@regionportalen/db';
import { accessibilityReportMail, queueMail } from '@regionportalen/mail';
import { z } from 'zod';
import {
	publicProcedure,
	recordAudit,
	roleCheckedProcedure,
	tooManyRequests,
	type CallerContext
} from '../core/index.ts';
import { assertCanEditAccessibility } from './access.ts';
import { fileReport, listReports, REPORT_RATE_LIMIT, reportLimitKey, updateReport } from './reports.ts';
import { reportSchema, reportStatusFilterSchema, siteSchema, statementSchema, updateReportSchema } from './schemas.ts';
import { resolveSite, type SiteFacts } from './site.ts';
import { loadStatement, saveStatement } from './statement.ts';

/** Where the admin handles a site's reports (the mail links there). */
export const REPORTS_PATH = '/admin/tillganglighet/rapporter';

const audit = (ctx: CallerContext, action: string, site: SiteFacts, id: string | number, summary: string) =>
	recordAudit(ctx.db, ctx.user, {
		action,
		entity_type: action.startsWith('accessibility.statement') ? 'accessibility_statement' : 'accessibility_report',
		entity_id: String(id),
		region_id: site.regionId,
		forbund_id: site.forbundId,
		summary
	});

/** Refuses a client that has sent too many reports lately; counts this one otherwise. */
async function countReport(ctx: CallerContext): Promise<void> {
	// The host (site-kit's api.ts) always passes it; a context without one is a programming error.
	if (!ctx.clientAddress) throw new Error('The API context has no client address to rate-limit reports by.');
	const key = reportLimitKey(ctx.clientAddress);
	try {
		await assertNotRateLimited(ctx.db, [key]);
	} catch (e) {
		if (e instanceof RateLimitedError) throw tooManyRequests(e);
		throw e;
	}
	await recordFailure(ctx.db, key, REPORT_RATE_LIMIT);
}

export const accessibilityRouter = {
	/** The site's statement, or its defaults from the site's facts until an admin saves one. Public. */
	statement: publicProcedure.input(z.object({ site: siteSchema })).query(async ({ ctx, input }) => {
		return loadStatement(ctx.db, await resolveSite(ctx, input.site));
	}),

	/** Saves the statement; "senast uppdaterad" is the time of this save. */
	saveStatement: roleCheckedProcedure.input(statementSchema).mutation(async ({ ctx, input }) => {
		const site = await resolveSite(ctx, input.site);
		assertCanEditAccessibility(ctx.memberships, site.forbundId);
		const row = await saveStatement(ctx.db, site.forbundId, input, ctx.user.id);
		await audit(
			ctx,
			'accessibility.statement_save',
			site,
			row.id,
			`Tillgänglighetsredogörelsen för ${site.name} sparades.`
		);
		return { updatedAt: row.updated_at };
	}),

	/**
	 * A visitor's report of a problem: stored, and mailed through the outbox to the site's contact
	 * address, or its admins when it has none (the hub's to the platform admins). Never to an address
	 * typed into the form: that would let anyone make the portal mail anyone. Rate-limited per client.
	 */
	report: publicProcedure.input(reportSchema).mutation(async ({ ctx, input }) => {
		const site = await resolveSite(ctx, input.site);
		await countReport(ctx);
		const { site: _, ...fields } = input;
		const report = await fileReport(ctx.db, site.forbundId, fields);
		const link = `${site.origin ?? ctx.origin ?? ''}${REPORTS_PATH}`;
		for (const to of report.recipients) {
			await queueMail(ctx.db, accessibilityReportMail({ to, site: site.name, ...fields, link }), {
				forbundId: site.forbundId,
				regionId: site.regionId
			});
		}
		return { id: report.id };
	}),

	/** The site's reports, newest first, for its admins (they hold personal data). */
	reports: roleCheckedProcedure
		.input(z.object({ site: siteSchema, status: reportStatusFilterSchema }))
		.query(async ({ ctx, input }) => {
			const site = await resolveSite(ctx, input.site);
			assertCanEditAccessibility(ctx.memberships, site.forbundId);
			return { site: { name: site.name }, reports: await listReports(ctx.db, site.forbundId, input.status) };
		}),

	/** Records how a report was handled: status, a note, the date it was answered. */
	updateReport: roleCheckedProcedure.input(updateReportSchema).mutation(async ({ ctx, input }) => {
		const site = await resolveSite(ctx, input.site);
		assertCanEditAccessibility(ctx.memberships, site.forbundId);
		const row = await updateReport(ctx.db, site.forbundId, input, ctx.user.id);
		if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Rapporten finns inte.' });
		await audit(
			ctx,
			'accessibility.report_update',
			site,
			row.id,
			`En tillgänglighetsrapport fick status ${REPORT_STATUS_LABELS[row.status]}.`
		);
		return row;
	})
} satisfies TRPCRouterRecord;
