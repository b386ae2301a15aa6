import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { callersFor } from '../helpers.ts';
import { NEWS_ACTORS } from './news.ts';
import { defineMatrix } from './runner.ts';

// Personal data on request: the platform admin handles everything, förbund A's admin förbund A's
// part; no one else anything.

type Actor = (typeof NEWS_ACTORS)[number];
const SCOPES = ['forbundA'] as const;
const subject = { email: 'matris-person@extern.example' };

export function privacyMatrix(db: Db, owner: Db, fx: Fixtures) {
	const scope = { forbundId: fx.forbund.a };
	const allowed = (actor: Actor) => actor === 'platformAdmin' || actor === 'adminA';
	return defineMatrix<Actor, (typeof SCOPES)[number], null>({
		name: 'privacy',
		actors: NEWS_ACTORS,
		scopes: SCOPES,
		callers: callersFor(db, fx),
		reset: async () => null,
		tables: ['personal_data_request'],
		procedures: {
			'privacy.export': {
				call: (c) => c.privacy.export({ subject, scope }),
				allowed,
				verify: (value, { label }) => expect((value as { requestId: number }).requestId, label).toBeGreaterThan(0)
			},
			'privacy.erase': {
				call: (c) => c.privacy.erase({ subject, scope, confirm: 'RADERA' }),
				allowed,
				verify: (value, { label }) => expect((value as { requestId: number }).requestId, label).toBeGreaterThan(0)
			}
		}
	});
}
