import {
	canAdministerScope,
	canEditAccessibility,
	canEditForbundNews,
	canEditRegionNews,
	canReadAuditLog,
	canReadMail,
	canReadMinutes
} from '@regionportalen/api';
import type { ServerLoadEvent } from '@sveltejs/kit';
import { api } from './api.ts';
import { orErrorPage } from './errors.ts';
import type { NavLink } from './site.ts';

function adminLinks(people: boolean, log: boolean, mail: boolean, accessibility: boolean): NavLink[] {
	return [
		...(people ? [{ href: '/admin/personer', label: 'Personer' }] : []),
		...(log ? [{ href: '/admin/logg', label: 'Logg' }] : []),
		...(mail ? [{ href: '/admin/utskick', label: 'Utskick' }] : []),
		...(accessibility ? [{ href: '/admin/tillganglighet', label: 'Tillgänglighet' }] : [])
	];
}

/** `+layout.server.ts`: the site's brand, navigation and footer facts, and who is signed in. */
export async function loadLayout({ locals, url, params }: ServerLoadEvent) {
	const caller = api(locals);
	const me = locals.user ? await caller.users.me() : null;
	const memberships = me?.memberships ?? [];

	if (locals.site.kind === 'forbund') {
		const forbund = await orErrorPage(caller.sites.forbund({ slug: locals.site.forbund }), url);
		const canEdit = canEditForbundNews(memberships, forbund.id);
		// The presidium room shows in the menu only to those who may read its minutes.
		const siblings = me ? (await orErrorPage(caller.sites.region({ slug: forbund.region_slug }), url)).forbund : [];
		const canReadPresidium = canReadMinutes(memberships, {
			regionId: forbund.region_id,
			forbundIds: siblings.map((f) => f.id)
		});
		const nav: NavLink[] = [
			{ href: '/', label: 'Start' },
			{ href: '/nyheter', label: 'Nyheter' },
			{ href: '/sok', label: 'Sök' },
			...(locals.site.nav ?? []),
			...(canReadPresidium ? [{ href: '/presidiet', label: 'Presidiet' }] : []),
			...(canEdit ? [{ href: '/redaktor', label: 'Redaktör' }] : []),
			...adminLinks(
				canAdministerScope(memberships, { kind: 'forbund', id: forbund.id }, forbund.region_id),
				canReadAuditLog(memberships),
				canReadMail(memberships),
				canEditAccessibility(memberships, forbund.id)
			)
		];
		return {
			origin: locals.origin,
			user: me?.user ?? null,
			brand: { name: forbund.name, shortName: forbund.short_name, logo: '/logo.svg', theme: forbund.slug },
			nav,
			footer: {
				name: forbund.name,
				email: forbund.contact_email,
				phone: forbund.contact_phone,
				municipalities: forbund.municipalities,
				authorities: forbund.authorities,
				regionName: forbund.region_name
			}
		};
	}

	const regions = await Promise.all(locals.site.regions.map((slug) => orErrorPage(caller.sites.region({ slug }), url)));
	const here = (params as Partial<Record<string, string>>).region;
	const nav: NavLink[] = [
		{ href: '/', label: 'Start' },
		...regions.map((r) => ({ href: `/${r.slug}`, label: r.name })),
		// Search covers one region's feed: the region the visitor is in, else the first.
		{ href: `/${regions.find((r) => r.slug === here)?.slug ?? regions[0]!.slug}/sok`, label: 'Sök' },
		...regions
			.filter((r) => canReadMinutes(memberships, { regionId: r.id, forbundIds: r.forbund.map((f) => f.id) }))
			.map((r) => ({ href: `/${r.slug}/presidiet`, label: `Presidiet ${r.name}` })),
		...regions
			.filter((r) => canEditRegionNews(memberships, r.id))
			.map((r) => ({ href: `/${r.slug}/redaktor`, label: `Redaktör ${r.name}` })),
		...adminLinks(
			memberships.some((m) => m.role === 'platform_admin' || m.role === 'coordinator'),
			canReadAuditLog(memberships),
			canReadMail(memberships),
			// The hub's statement and reports are the platform admins'.
			canEditAccessibility(memberships, null)
		)
	];
	return {
		origin: locals.origin,
		user: me?.user ?? null,
		brand: { name: 'Regionportalen', shortName: 'Regionportalen', logo: '/logo.svg', theme: 'hub' },
		nav,
		footer: {
			name: 'Regionportalen',
			email: null,
			phone: null,
			municipalities: [],
			authorities: [],
			regionName: regions.map((r) => r.name).join(', ')
		}
	};
}

export type LayoutData = Awaited<ReturnType<typeof loadLayout>>;
