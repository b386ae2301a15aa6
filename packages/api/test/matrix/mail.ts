import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { callersFor } from '../helpers.ts';
import { NEWS_ACTORS } from './news.ts';
import { defineMatrix } from './runner.ts';

// The outbox as admins see it: platform admins all mail, förbund admins their förbund's, no one
// else any.

type Actor = (typeof NEWS_ACTORS)[number];
const SCOPES = ['outbox'] as const;

/** One mail of förbund A's, one of B's, one of no förbund's (a password reset, say). */
async function world(owner: Db, fx: Fixtures) {
	await owner.deleteFrom('mail_outbox').execute();
	const mail = (n: string, forbundId: number | null) => ({
		message_id: `<matris-${n}@test.example>`,
		recipient: `mottagare-${n}@test.example`,
		subject: `Matris ${n}`,
		body_sealed: Buffer.from('förseglad'),
		forbund_id: forbundId
	});
	await owner
		.insertInto('mail_outbox')
		.values([mail('a', fx.forbund.a), mail('b', fx.forbund.b), mail('ingen', null)])
		.execute();
	return null;
}

/** The recipients each actor may see. */
function visible(actor: Actor): string[] {
	if (actor === 'platformAdmin') return ['a', 'b', 'ingen'].map((n) => `mottagare-${n}@test.example`);
	if (actor === 'adminA') return ['mottagare-a@test.example'];
	return [];
}

const recipients = (value: unknown) =>
	(value as { mails: { recipient: string }[] }).mails.map((m) => m.recipient).sort();

export function mailMatrix(db: Db, owner: Db, fx: Fixtures) {
	return defineMatrix<Actor, (typeof SCOPES)[number], null>({
		name: 'mail',
		actors: NEWS_ACTORS,
		scopes: SCOPES,
		callers: callersFor(db, fx),
		reset: () => world(owner, fx),
		tables: ['mail_outbox'],
		procedures: {
			'mail.outbox': {
				call: (c) => c.mail.outbox({}),
				allowed: (actor) => visible(actor).length > 0,
				verify: (value, { actor, label }) => {
					expect(recipients(value), label).toEqual(visible(actor));
					expect(Object.keys((value as { mails: object[] }).mails[0]!), label).not.toContain('body_sealed');
				},
				assertNoLeak: (value, { label }) => expect(recipients(value), `${label} leaked mail`).toEqual([])
			}
		}
	});
}
