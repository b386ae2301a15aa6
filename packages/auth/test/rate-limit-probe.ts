// Run as a separate Node process by rate-limit.test.ts: a fresh app instance (new process, new pool,
// nothing in memory) asking whether a key is blocked. Prints the seconds to wait.
import { createDb } from '@regionportalen/db/client';
import { retryAfter } from '../src/rate-limit.ts';

const [url, key] = process.argv.slice(2);
const db = createDb({ connectionString: url!, max: 1 });
try {
	console.log(await retryAfter(db, key!));
} finally {
	await db.destroy();
}
