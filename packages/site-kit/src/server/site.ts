// What an app tells site-kit about itself (its `site.config.ts`). Everything else about a förbund
// (name, municipalities, contacts) lives in the database.

export interface ForbundSiteConfig {
	kind: 'forbund';
	/** The förbund's slug in the database. */
	forbund: string;
	/** Port of the local development server. */
	port: number;
}

export interface HubSiteConfig {
	kind: 'hub';
	/** Regions this hub serves, by slug; the first is the default. */
	regions: [string, ...string[]];
	port: number;
}

export type SiteConfig = ForbundSiteConfig | HubSiteConfig;

/** The public origin: ORIGIN in production (behind a proxy), else the local dev server. */
export function siteOrigin(site: SiteConfig, env: NodeJS.ProcessEnv = process.env): string {
	return env.ORIGIN ?? `http://localhost:${site.port}`;
}

export function defineSite<T extends SiteConfig>(config: T): T {
	return config;
}
