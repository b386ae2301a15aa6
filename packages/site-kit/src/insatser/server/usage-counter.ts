import type { Handle } from '@sveltejs/kit/hooks';
import { sql } from 'kysely';
import { isbot } from 'isbot';
import { getDb, type SiteConfig } from '../../core/server/index.ts';

// The catalogue's usage, counted in the server before the page cache (a page served from the
// server's own cache counts too; one served by a proxy's or the browser's cache never reaches us,
// see the README). A hit is an address and a kind, nothing about the visitor: no cookie is set, the
// client's address is never read, and known bots (isbot's list; Playwright's HeadlessChrome among
// them) are left out. Hits are added up in memory and written every few seconds in one transaction
// through app_count_insats_hit (migration 0023), which counts only published insatser.

type Kind = 'view' | 'search' | 'referral';

const FLUSH_MS = Number(process.env.RP_USAGE_FLUSH_MS ?? 5000);
/** The catalogue's filter and search fields: a catalogue page with any of them is a search. */
export const CATALOGUE_PARAMS = ['q', 'kommun', 'malgrupp', 'alder', 'inriktning', 'egen', 'intag', 'status'];

const pending = new Map<string, number>();
let timer: ReturnType<typeof setInterval> | undefined;

interface Hit {
	forbund: string | null;
	region: string | null;
	insats: string | null;
	kind: Kind;
}

/** What a request is to the catalogue's usage, or null: a förbund site's insats page or referral form, a catalogue search. */
export function hitOf(site: SiteConfig, url: URL): Hit | null {
	const parts = url.pathname.split('/').filter(Boolean);
	const isSearch = () =>
		CATALOGUE_PARAMS.some((p) => (url.searchParams.get(p) ?? '') !== '') &&
		(url.searchParams.get('sida') ?? '1') === '1';
	if (site.kind === 'forbund') {
		if (parts[0] !== 'insatser') return null;
		if (parts.length === 1)
			return isSearch() ? { forbund: site.forbund, region: null, insats: null, kind: 'search' } : null;
		if (parts[1] === 'export.csv' || parts[1] === 'export.json') return null;
		if (parts.length === 2) return { forbund: site.forbund, region: null, insats: parts[1]!, kind: 'view' };
		if (parts.length === 3 && parts[2] === 'remissblankett') {
			return { forbund: site.forbund, region: null, insats: parts[1]!, kind: 'referral' };
		}
		return null;
	}
	if (parts.length === 2 && parts[1] === 'insatser' && site.regions.includes(parts[0]!) && isSearch()) {
		return { forbund: null, region: parts[0]!, insats: null, kind: 'search' };
	}
	return null;
}

function month(): string {
	return new Date().toISOString().slice(0, 8) + '01';
}

function add(hit: Hit) {
	const key = JSON.stringify([hit.forbund, hit.region, hit.insats, hit.kind, month()]);
	pending.set(key, (pending.get(key) ?? 0) + 1);
	timer ??= setInterval(() => void flushInsatsUsage().catch(() => undefined), FLUSH_MS);
	timer.unref?.();
}

/** Writes the counted hits (all of them, in one transaction); kept for the next try if it fails. */
export async function flushInsatsUsage(): Promise<void> {
	if (pending.size === 0) return;
	const batch = [...pending];
	pending.clear();
	try {
		await getDb()
			.transaction()
			.execute(async (trx) => {
				for (const [key, count] of batch) {
					const [forbund, region, insats, kind, m] = JSON.parse(key) as [
						string | null,
						string | null,
						string | null,
						Kind,
						string
					];
					await sql`select app_count_insats_hit(${forbund}::text, ${region}::text, ${insats}::text, ${kind}::text,
						${m}::date, ${count}::integer)`.execute(trx);
				}
			});
	} catch (e) {
		for (const [key, count] of batch) pending.set(key, (pending.get(key) ?? 0) + count);
		throw e;
	}
}

/** The hook that counts (placed before the page cache): a successful GET by a person, not a bot. */
export function insatsUsageCounter(site: SiteConfig): Handle {
	return async ({ event, resolve }) => {
		const hit = event.request.method === 'GET' ? hitOf(site, event.url) : null;
		const response = await resolve(event);
		if (hit && response.status === 200 && !isbot(event.request.headers.get('user-agent') ?? '')) add(hit);
		return response;
	};
}
