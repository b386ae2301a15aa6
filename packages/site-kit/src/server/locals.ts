import type { SessionUser } from '@regionportalen/auth';
import type { Session } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import type { SiteConfig } from './site.ts';

/** What the hooks put on `event.locals` for every request. */
export interface SiteLocals {
	db: Db;
	site: SiteConfig;
	origin: string;
	user: SessionUser | null;
	session: Session | null;
}

declare global {
	namespace App {
		interface Locals extends SiteLocals {}
	}
}
