import { sleep, SITE, type ApiClient } from './harness.ts';
import type { NewsAttempt } from './integrity.ts';

// Editors saving news as fast as the server lets them: each client creates an item, then saves it
// again and again with a new, unique title, and records what it was told about every save.

export interface NewsLoad {
	attempts: NewsAttempt[];
	/** Acknowledged saves so far, and when the last one came. */
	acknowledged(): number;
	acknowledgedSince(at: number): number;
	stop(): Promise<void>;
}

export function startNewsLoad(api: ApiClient, prefix: string, clients: number): NewsLoad {
	const attempts: (NewsAttempt & { at?: number })[] = [];
	let stopping = false;

	async function client(k: number) {
		let item: { id: number; version: number } | undefined;
		// After an unanswered update the client cannot know its version: it reads it again first.
		let uncertain = false;
		for (let n = 1; !stopping; n++) {
			if (item && uncertain) {
				try {
					item.version = (await api.news.byId.query({ id: item.id })).version;
					uncertain = false;
				} catch {
					await sleep(50);
					continue;
				}
			}
			const title = `${prefix} k${k} n${n}`;
			const attempt: NewsAttempt & { at?: number } = item
				? { kind: 'update', title, itemId: item.id }
				: { kind: 'create', title };
			attempts.push(attempt);
			try {
				const saved = item
					? await api.news.update.mutate({ id: item.id, version: item.version, title, lead: '', body: title })
					: await api.news.create.mutate({ owner: { forbund: SITE }, title, lead: '', body: title });
				attempt.itemId = saved.id;
				attempt.version = saved.version;
				attempt.at = Date.now();
				item = { id: saved.id, version: saved.version };
			} catch {
				if (item) uncertain = true;
				// Pacing, so a client does not spin while the database is away.
				await sleep(50);
			}
		}
	}

	const running = Promise.all(Array.from({ length: clients }, (_, k) => client(k + 1)));
	return {
		attempts,
		acknowledged: () => attempts.filter((a) => a.version !== undefined).length,
		acknowledgedSince: (at) => attempts.filter((a) => a.at !== undefined && a.at > at).length,
		async stop() {
			stopping = true;
			await running;
		}
	};
}
