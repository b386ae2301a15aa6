// `pnpm news:render`: stores the rendered HTML of every news and content page body that has none (after `pnpm db
// migrate` in a deployment; the dev start command does it by itself). Uses DATABASE_URL, the owner's:
// the servers' login may not write every item. Safe to run at any time and again.

import { renderStoredBodies } from '@regionportalen/api';
import { createDb, databaseUrlFromEnv } from '@regionportalen/db/client';

const db = createDb({ connectionString: databaseUrlFromEnv(), max: 1 });
try {
	console.log(`Rendered ${await renderStoredBodies(db, 'news')} news bodies to HTML.`);
	console.log(`Rendered ${await renderStoredBodies(db, 'content_page')} content page bodies to HTML.`);
} finally {
	await db.destroy();
}
