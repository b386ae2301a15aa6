import {
	canAdministerScope,
	canApproveInsats,
	canEditInsats,
	canArrangeMenu,
	canEditAccessibility,
	canEditForbundNews,
	canEditPages,
	canEditRegionNews,
	canHandlePersonalData,
	canReadAuditLog,
	canReadMail,
	canReadMinutes,
	canAskForPlace,
	canKeepRegister,
	canReadRequests,
	canWriteProjectsOf,
	type MenuEntry
} from '@regionportalen/api';
import type { ServerLoadEvent } from '@sveltejs/kit';
import { api } from './api.ts';
import { orErrorPage } from './errors.ts';
import type { Feature, NavLink } from './site.ts';

// Every page's frame: the main menu (the site's menu as its admin ordered it, then the tools the
// signed-in person has), the sub-menu of the section the visitor is in, the brand and the footer.

interface Tools {
	people: boolean;
	log: boolean;
	mail: boolean;
	menu: boolean;
	accessibility: boolean;
	personalData: boolean;
}

function adminLinks({ people, log, mail, menu, accessibility, personalData }: Tools): NavLink[] {
	return [
		...(people ? [{ href: '/admin/personer', label: 'Personer' }] : []),
		...(menu ? [{ href: '/admin/meny', label: 'Meny' }] : []),
		...(log ? [{ href: '/admin/logg', label: 'Logg' }] : []),
		...(mail ? [{ href: '/admin/utskick', label: 'Utskick' }] : []),
		...(accessibility ? [{ href: '/admin/tillganglighet', label: 'Tillgänglighet' }] : []),
		...(personalData ? [{ href: '/admin/personuppgifter', label: 'Personuppgifter på begäran' }] : [])
	];
}

const link = (entry: MenuEntry): NavLink => ({ href: entry.href, label: entry.label });

/** The menu page whose section the visitor is in, with its children: the page's sub-menu. */
function sectionOf(entries: MenuEntry[], pathname: string) {
	const entry = entries.find(
		(e) => e.children.length > 0 && (pathname === e.href || pathname.startsWith(`${e.href}/`))
	);
	return entry ? { label: entry.label, href: entry.href, children: entry.children } : null;
}

/** `+layout.server.ts`: the site's brand, navigation and footer facts, and who is signed in. */
export async function loadLayout({ locals, url, params }: ServerLoadEvent) {
	const caller = api(locals);
	const me = locals.user ? await caller.users.me() : null;
	const memberships = me?.memberships ?? [];

	if (locals.site.kind === 'forbund') {
		const slug = locals.site.forbund;
		const [forbund, menu] = await Promise.all([
			orErrorPage(caller.sites.forbund({ slug }), url),
			orErrorPage(caller.sites.menu({ owner: { forbund: slug } }), url)
		]);
		const has = (feature: Feature) => forbund.features.includes(feature);
		const canEdit = canEditForbundNews(memberships, forbund.id);
		// The presidium room shows in the menu only to those who may read its minutes.
		const siblings = me ? (await orErrorPage(caller.sites.region({ slug: forbund.region_slug }), url)).forbund : [];
		const canReadPresidium = canReadMinutes(memberships, {
			regionId: forbund.region_id,
			forbundIds: siblings.map((f) => f.id)
		});
		const owner = { forbundId: forbund.id, regionId: forbund.region_id };
		const nav: NavLink[] = [
			{ href: '/', label: 'Start' },
			...menu.filter((e) => e.feature !== 'minutes' || canReadPresidium).map(link),
			...(has('news') && canEdit ? [{ href: '/redaktor', label: 'Redaktör' }] : []),
			...(has('content') && canEditPages(memberships, { forbund_id: forbund.id, region_id: forbund.region_id })
				? [{ href: '/redaktor/sidor', label: 'Sidor' }]
				: []),
			...(has('insatser') && canEditInsats(memberships, forbund.id)
				? [{ href: '/redaktor/insatser', label: 'Redigera insatser' }]
				: []),
			...(has('insatser') && canApproveInsats(memberships, forbund.id)
				? [{ href: '/admin/insatser', label: 'Granska insatser' }]
				: []),
			// The projects the förbund owns, and its delprojekt in those it is a partner of (its insats writers').
			...(has('projects') && (canWriteProjectsOf(memberships, owner) || canEditInsats(memberships, forbund.id))
				? [{ href: '/redaktor/projekt', label: 'Redigera projekt' }]
				: []),
			// The förbund's insatspersonal ask the region's ASF-samordnare for places here.
			...(has('asf') && canAskForPlace(memberships, forbund.id)
				? [{ href: '/asf/forfragningar', label: 'Platsförfrågningar' }]
				: []),
			...adminLinks({
				people: canAdministerScope(memberships, { kind: 'forbund', id: forbund.id }, forbund.region_id),
				log: canReadAuditLog(memberships),
				mail: canReadMail(memberships),
				menu: canArrangeMenu(memberships, owner),
				accessibility: canEditAccessibility(memberships, forbund.id),
				personalData: canHandlePersonalData(memberships, { forbundId: forbund.id })
			})
		];
		return {
			origin: locals.origin,
			user: me?.user ?? null,
			brand: { name: forbund.name, shortName: forbund.short_name, logo: '/logo.svg', theme: forbund.slug },
			nav,
			section: sectionOf(menu, url.pathname),
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
	// The region the visitor is in, else the first: its menu follows the regions' links.
	const current = regions.find((r) => r.slug === here) ?? regions[0]!;
	const menu = await orErrorPage(caller.sites.menu({ owner: { region: current.slug } }), url);
	const on = (r: (typeof regions)[number], feature: Feature) => !r.features_off.includes(feature);
	const nav: NavLink[] = [
		{ href: '/', label: 'Start' },
		...regions.map((r) => ({ href: `/${r.slug}`, label: r.name })),
		// Each region's presidium room is among the tools below, named by its region.
		...menu.filter((e) => e.feature !== 'minutes').map(link),
		...regions
			.filter((r) => on(r, 'minutes'))
			.filter((r) => canReadMinutes(memberships, { regionId: r.id, forbundIds: r.forbund.map((f) => f.id) }))
			.map((r) => ({ href: `/${r.slug}/presidiet`, label: `Presidiet ${r.name}` })),
		...regions
			.filter((r) => on(r, 'news') && canEditRegionNews(memberships, r.id))
			.map((r) => ({ href: `/${r.slug}/redaktor`, label: `Redaktör ${r.name}` })),
		...regions
			.filter((r) => on(r, 'content') && canEditPages(memberships, { forbund_id: null, region_id: r.id }))
			.map((r) => ({ href: `/${r.slug}/redaktor/sidor`, label: `Sidor ${r.name}` })),
		...regions
			.filter((r) => on(r, 'projects') && canWriteProjectsOf(memberships, { forbundId: null, regionId: r.id }))
			.map((r) => ({ href: `/${r.slug}/redaktor/projekt`, label: `Projekt ${r.name}` })),
		...regions
			.filter((r) => on(r, 'asf') && canKeepRegister(memberships, r.id))
			.map((r) => ({ href: `/${r.slug}/asf/register`, label: `ASF-registret ${r.name}` })),
		...regions
			.filter(
				(r) => on(r, 'asf') && canReadRequests(memberships, { regionId: r.id, forbundIds: r.forbund.map((f) => f.id) })
			)
			.map((r) => ({ href: `/${r.slug}/asf/forfragningar`, label: `Platsförfrågningar ${r.name}` })),
		...adminLinks({
			people: memberships.some((m) => m.role === 'platform_admin' || m.role === 'coordinator'),
			log: canReadAuditLog(memberships),
			mail: canReadMail(memberships),
			menu: regions.some((r) => canArrangeMenu(memberships, { forbundId: null, regionId: r.id })),
			// The hub's statement and reports are the platform admins'.
			accessibility: canEditAccessibility(memberships, null),
			// Everything held about a person is the platform admins' to hand over or erase.
			personalData: canHandlePersonalData(memberships, 'all')
		})
	];
	return {
		origin: locals.origin,
		user: me?.user ?? null,
		brand: { name: 'Regionportalen', shortName: 'Regionportalen', logo: '/logo.svg', theme: 'hub' },
		nav,
		section: sectionOf(menu, url.pathname),
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
