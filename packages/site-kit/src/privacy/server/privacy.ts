import {
	PRIVILEGED_ABSOLUTE_MS,
	PRIVILEGED_IDLE_MS,
	SESSION_LIFETIME_MS,
	TOKEN_LIFETIME_MS
} from '@regionportalen/auth';
import { ACCESSIBILITY_REPORT_KEEP_DAYS } from '@regionportalen/db';
import { mailKeepDays } from '@regionportalen/mail';
import type { ServerLoadEvent } from '@sveltejs/kit';
import { api, orErrorPage } from '../../core/server/index.ts';

// /personuppgifter: who is responsible for the site's personal data, what is kept where, why, for how
// long, and the person's rights. The facts come from the site (its name and contact, as its
// accessibility statement shows them) and the retention times from the code that enforces them, so
// the page cannot drift from what the portal does.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function loadPrivacyPage({ locals, url }: ServerLoadEvent) {
	const site = locals.site.kind === 'forbund' ? { forbund: locals.site.forbund } : { hub: true as const };
	const caller = api(locals);
	const statement = await orErrorPage(caller.accessibility.statement({ site }), url);
	const regions =
		locals.site.kind === 'hub'
			? await Promise.all(locals.site.regions.map((slug) => orErrorPage(caller.sites.region({ slug }), url)))
			: [];
	return {
		kind: locals.site.kind,
		name: statement.site.name,
		contact: statement.contact,
		regionNames: regions.map((r) => r.name),
		retention: {
			sessionDays: SESSION_LIFETIME_MS / DAY,
			privilegedHours: PRIVILEGED_ABSOLUTE_MS / HOUR,
			privilegedIdleMinutes: PRIVILEGED_IDLE_MS / 60_000,
			invitationDays: TOKEN_LIFETIME_MS.invite / DAY,
			resetHours: TOKEN_LIFETIME_MS.reset / HOUR,
			mailDays: mailKeepDays(),
			reportDays: ACCESSIBILITY_REPORT_KEEP_DAYS
		}
	};
}

export type PrivacyPageData = Awaited<ReturnType<typeof loadPrivacyPage>>;
