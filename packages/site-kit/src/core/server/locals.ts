import type { SessionUser, TwoFactorState } from '@regionportalen/auth';
import type { Session } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import type { SiteConfig } from './site.ts';

/** What the hooks put on `event.locals` for every request. */
export interface SiteLocals {
	db: Db;
	site: SiteConfig;
	origin: string;
	/** The signed-in person: past the second factor where they have or need one. */
	user: SessionUser | null;
	session: Session | null;
	/** The session's second-factor state (null without a session). */
	twoFactor: TwoFactorState | null;
	/** A person half-way through sign-in: password given, second factor (or its set-up) still due. */
	pending: SessionUser | null;
	/** Whether the session's person holds a role that requires two-factor authentication. */
	privileged: boolean;
	/** The visitor's address, for per-client rate limits in the API. */
	clientAddress: string;
	/** On the hub: the route belongs to a feature turned off for the region in its path (features.ts). */
	featureOff: boolean;
}

declare global {
	namespace App {
		interface Locals extends SiteLocals {}
	}
}
