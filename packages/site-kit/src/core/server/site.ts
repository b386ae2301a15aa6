// What an app says about itself in its `site.config.ts`: the one source of a förbund's public
// profile. The portal registers it in the database at every start (`pnpm sites:register` in
// production), so the hub and the other sites see the same facts.
//
// A config file imports only types from here (`satisfies ForbundSiteConfig`), so the scripts can
// read it with plain Node before anything is installed.

import type { Feature } from '@regionportalen/db';

export type { Feature };

export interface NavLink {
	href: string;
	label: string;
}

export interface ForbundSiteConfig {
	kind: 'forbund';
	/** The förbund's slug: its key in the database and its theme name. */
	forbund: string;
	/** The region it belongs to, by slug. */
	region: string;
	name: string;
	shortName: string;
	/** One or two sentences, shown on the start page and the hub. */
	description: string;
	municipalities: string[];
	/** Member authorities besides the municipalities. */
	authorities: string[];
	contact: { email: string | null; phone: string | null };
	/** Public origin in production; locally the site runs on http://localhost:<port>. */
	origin: string;
	/** Port of the local server. */
	port: number;
	/** The features this site has (infra/site-template/features); all when left out. */
	features?: Feature[];
	/** Show sibling förbund's shared items in "Från regionen" (regional items always show). */
	showSharedNews: boolean;
}

export interface HubSiteConfig {
	kind: 'hub';
	/** Regions this hub serves, by slug; the first is the default. */
	regions: [string, ...string[]];
	origin: string;
	port: number;
}

export type SiteConfig = ForbundSiteConfig | HubSiteConfig;

/** The origin this server answers on: ORIGIN when set (production, tests), else the local port. */
export function siteOrigin(site: SiteConfig, env: NodeJS.ProcessEnv = process.env): string {
	return env.ORIGIN ?? `http://localhost:${site.port}`;
}
