import {
	canAdministerScope,
	canEditForbundNews,
	canEditRegionNews,
	canReadAuditLog,
	canReadMail,
	canReadMinutes
} from '@regionportalen/api';
import type { ServerLoadEvent } from '@sveltejs/kit';
import { api } from './api.ts';
import { orErrorPage } from './errors.ts';
import type { Feature, NavLink } from './site.ts';

function adminLinks(people: boolean, log: boolean, mail: boolean): NavLink[] {
	return [
		...(people ? [{ href: '/admin/personer', label: 'Personer' }] : []),
		...(log ? [{ href: '/admin/logg', label: 'Logg' }] : []),
		...(mail ? [{ href: '/admin/utskick', label: 'Utskick' }] : [])
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
		const has = (feature: Feature) => forbund.features.includes(feature);
		const nav: NavLink[] = [
			{ href: '/', label: 'Start' },
			...(has('news') ? [{ href: '/nyheter', label: 'Nyheter' }] : []),
			...(has('search') ? [{ href: '/sok', label: 'Sök' }] : []),
			...(has('minutes') && canReadPresidium ? [{ href: '/presidiet', label: 'Presidiet' }] : []),
			...(has('news') && canEdit ? [{ href: '/redaktor', label: 'Redaktör' }] : []),
			...adminLinks(
				canAdministerScope(memberships, { kind: 'forbund', id: forbund.id }, forbund.region_id),
				canReadAuditLog(memberships),
				canReadMail(memberships)
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
	const on = (r: (typeof regions)[number], feature: Feature) => !r.features_off.includes(feature);
	// Search covers one region's feed: the region the visitor is in, else the first.
	const searchRegion = regions.find((r) => r.slug === here) ?? regions[0]!;
	const nav: NavLink[] = [
		{ href: '/', label: 'Start' },
		...regions.map((r) => ({ href: `/${r.slug}`, label: r.name })),
		...(on(searchRegion, 'search') ? [{ href: `/${searchRegion.slug}/sok`, label: 'Sök' }] : []),
		...regions
			.filter((r) => on(r, 'minutes'))
			.filter((r) => canReadMinutes(memberships, { regionId: r.id, forbundIds: r.forbund.map((f) => f.id) }))
			.map((r) => ({ href: `/${r.slug}/presidiet`, label: `Presidiet ${r.name}` })),
		...regions
			.filter((r) => on(r, 'news'))
			.filter((r) => canEditRegionNews(memberships, r.id))
			.map((r) => ({ href: `/${r.slug}/redaktor`, label: `Redaktör ${r.name}` })),
		...adminLinks(
			memberships.some((m) => m.role === 'platform_admin' || m.role === 'coordinator'),
			canReadAuditLog(memberships),
			canReadMail(memberships)
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
