// A micro-cache of anonymous public pages in the server's memory: under load, one render per page
// and few seconds serves every visitor, the way a reverse proxy's micro-cache would. A publish
// shows within the TTL (PAGE_CACHE_SECONDS, default 5; 0 turns it off), well inside the minute that
// the pages' own Cache-Control allows shared caches anyway.

export interface CachedPage {
	body: Uint8Array;
	headers: [string, string][];
	storedAt: number;
}

export class PageCache {
	readonly #entries = new Map<string, CachedPage>();
	readonly #ttlMs: number;
	readonly #maxEntries: number;

	constructor(ttlMs: number, maxEntries = 1000) {
		this.#ttlMs = ttlMs;
		this.#maxEntries = maxEntries;
	}

	get enabled(): boolean {
		return this.#ttlMs > 0;
	}

	get(key: string, now = Date.now()): CachedPage | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (now - entry.storedAt >= this.#ttlMs) {
			this.#entries.delete(key);
			return undefined;
		}
		// Most recently used last, so the oldest is the first to go.
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		return entry;
	}

	set(key: string, page: Omit<CachedPage, 'storedAt'>, now = Date.now()): void {
		if (!this.enabled) return;
		this.#entries.delete(key);
		this.#entries.set(key, { ...page, storedAt: now });
		while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
	}

	get size(): number {
		return this.#entries.size;
	}
}

export function pageCacheFromEnv(env: NodeJS.ProcessEnv = process.env): PageCache {
	const seconds = Number(env.PAGE_CACHE_SECONDS ?? 5);
	return new PageCache(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0);
}
