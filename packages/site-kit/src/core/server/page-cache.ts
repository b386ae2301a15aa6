// A micro-cache of anonymous public pages in the server's memory: under load, one render per page
// and few seconds serves every visitor, the way a reverse proxy's micro-cache would
// (PAGE_CACHE_SECONDS, default 5; 0 turns it off).
//
// - Fresh (younger than the TTL): served from memory.
// - Stale (up to one TTL older): served from memory at once while one render in the background
//   replaces it, so no visitor waits for a render of a page that is being read (nginx's
//   `proxy_cache_use_stale updating`, Varnish's grace). A page is therefore never more than two TTLs
//   old, well inside the minute that the pages' own Cache-Control allows shared caches anyway.
// - Missing or older: rendered; visitors asking for the same page meanwhile wait for that one
//   render instead of starting their own.

export interface CachedPage {
	body: Uint8Array;
	headers: [string, string][];
	storedAt: number;
}

type Render = () => Promise<Response>;

export class PageCache {
	readonly #entries = new Map<string, CachedPage>();
	/** Renders under way, by key: a miss's waiters and a stale page's one refresh share them. */
	readonly #rendering = new Map<string, Promise<CachedPage | undefined>>();
	readonly #ttlMs: number;
	readonly #maxEntries: number;
	readonly #now: () => number;

	constructor(ttlMs: number, { maxEntries = 1000, now = Date.now }: { maxEntries?: number; now?: () => number } = {}) {
		this.#ttlMs = ttlMs;
		this.#maxEntries = maxEntries;
		this.#now = now;
	}

	get enabled(): boolean {
		return this.#ttlMs > 0;
	}

	get size(): number {
		return this.#entries.size;
	}

	/**
	 * The response for an anonymous GET of `key`: from memory when it can, else from `render`, whose
	 * response is kept when it is a 200 marked `public`. `ifNoneMatch` gets a 304 when it matches.
	 */
	async respond(key: string, ifNoneMatch: string | null, render: Render): Promise<Response> {
		if (!this.enabled) return render();
		const entry = this.#entries.get(key);
		const age = entry ? this.#now() - entry.storedAt : Infinity;
		if (entry && age < this.#ttlMs) {
			this.#touch(key, entry);
			return answer(entry, 'hit', ifNoneMatch);
		}
		if (entry && age < 2 * this.#ttlMs) {
			if (!this.#rendering.has(key)) {
				this.#start(key, render).catch((error) => console.error(`Page cache: refreshing ${key} failed:`, error));
			}
			return answer(entry, 'stale', ifNoneMatch);
		}
		if (entry) this.#entries.delete(key);

		const pending = this.#rendering.get(key);
		if (pending) {
			const shared = await pending;
			return shared ? answer(shared, 'hit', ifNoneMatch) : render();
		}
		// The visitor who starts a render gets its response, or its error, as it is.
		const { response, page } = await this.#start(key, render);
		return page ? answer(page, 'miss', ifNoneMatch) : response;
	}

	/** Renders `key`, letting others wait for the page meanwhile; done before its caller resumes. */
	#start(key: string, render: Render) {
		const run = this.#render(key, render).finally(() => this.#rendering.delete(key));
		this.#rendering.set(
			key,
			run.then(
				(r) => r.page,
				() => undefined
			)
		);
		return run;
	}

	async #render(key: string, render: Render): Promise<{ response: Response; page?: CachedPage }> {
		const response = await render();
		if (response.status !== 200 || !response.headers.get('cache-control')?.startsWith('public')) return { response };
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = [...response.headers].filter(([name]) => name !== 'set-cookie');
		const page = { body, headers, storedAt: this.#now() };
		this.#entries.delete(key);
		this.#entries.set(key, page);
		while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
		return { response, page };
	}

	/** Most recently used last, so the oldest is the first to go. */
	#touch(key: string, entry: CachedPage) {
		this.#entries.delete(key);
		this.#entries.set(key, entry);
	}
}

function answer(page: CachedPage, state: 'hit' | 'stale' | 'miss', ifNoneMatch: string | null): Response {
	const headers = new Headers(page.headers);
	headers.set('x-page-cache', state);
	if (ifNoneMatch && ifNoneMatch === headers.get('etag')) return new Response(null, { status: 304, headers });
	return new Response(page.body.slice(), { status: 200, headers });
}

export function pageCacheFromEnv(env: NodeJS.ProcessEnv = process.env): PageCache {
	const seconds = Number(env.PAGE_CACHE_SECONDS ?? 5);
	return new PageCache(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0);
}
