import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { createCaller } from '../../src/index.ts';
import { TEST_ORIGIN } from '../helpers.ts';
import { NEWS_ACTORS } from './news.ts';
import { defineMatrix } from './runner.ts';

// The accessibility statement and its reports: anyone reads a statement and files a report; only the
// förbund's admin (for its own site) and the platform admins save a statement, list the reports and
// change them; the hub's are the platform admins' alone.

type Actor = (typeof NEWS_ACTORS)[number];
const SCOPES = ['a', 'b', 'hub'] as const;
type Scope = (typeof SCOPES)[number];

const siteOf = (scope: Scope) => (scope === 'hub' ? { hub: true as const } : { forbund: scope });

/** Who keeps the scope's statement and reads its reports, stated apart from the code. */
const editors = (actor: Actor, scope: Scope) => actor === 'platformAdmin' || (actor === 'adminA' && scope === 'a');

/** The test's callers, each from a client address of its own (the report is rate-limited per client). */
function callers(db: Db, fx: Fixtures) {
	const ids: Record<Actor, number | null> = {
		anonymous: null,
		noRoles: fx.users.noRoles,
		editorA: fx.users.editorA,
		editorB: fx.users.editorB,
		adminA: fx.users.adminA,
		coordinatorNorr: fx.users.coordinatorNorr,
		platformAdmin: fx.users.platformAdmin
	};
	return Object.fromEntries(
		NEWS_ACTORS.map((actor, i) => {
			const id = ids[actor];
			return [
				actor,
				createCaller({
					db,
					user: id === null ? null : { id, email: `u${id}@test.example`, name: `u${id}` },
					session: id === null ? null : { id: `test-session-${id}`, twoFactorVerified: true },
					origin: TEST_ORIGIN,
					clientAddress: `192.0.2.${100 + i}`
				})
			];
		})
	) as Record<Actor, ReturnType<typeof createCaller>>;
}

/** The scope's saved statement and one report of its; nothing else of the domain's. */
async function world(owner: Db, fx: Fixtures, scope: Scope) {
	await owner.deleteFrom('accessibility_report').execute();
	await owner.deleteFrom('accessibility_statement').execute();
	await owner.deleteFrom('mail_outbox').execute();
	await owner.deleteFrom('rate_limit').where('key', 'like', 'a11y-report:%').execute();
	const forbundId = scope === 'hub' ? null : fx.forbund[scope];
	const { id: statementId } = await owner
		.insertInto('accessibility_statement')
		.values({ forbund_id: forbundId, compliance: 'partial', assessment_method: 'self', prepared_on: '2026-01-15' })
		.returning('id')
		.executeTakeFirstOrThrow();
	await owner
		.insertInto('accessibility_gap')
		.values({ statement_id: statementId, position: 1, description: 'Gamla PDF-filer.', legal_basis: 'out_of_scope' })
		.execute();
	const { id: reportId } = await owner
		.insertInto('accessibility_report')
		.values({ forbund_id: forbundId, description: `Matrisens rapport ${scope}`, email: 'besokare@test.example' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { reportId };
}

const statementInput = (scope: Scope) => ({
	site: siteOf(scope),
	compliance: 'full' as const,
	assessmentMethod: 'external' as const,
	preparedOn: '2026-02-01',
	gaps: [{ description: 'Ny känd brist.', legalBasis: 'non_compliance' as const }]
});

export function accessibilityMatrix(db: Db, owner: Db, fx: Fixtures) {
	return defineMatrix<Actor, Scope, { reportId: string }>({
		name: 'accessibility',
		actors: NEWS_ACTORS,
		scopes: SCOPES,
		callers: callers(db, fx),
		reset: (scope) => world(owner, fx, scope),
		tables: ['accessibility_statement', 'accessibility_gap', 'accessibility_report', 'mail_outbox'],
		procedures: {
			'accessibility.saveStatement': {
				call: (c, scope) => c.accessibility.saveStatement(statementInput(scope)),
				allowed: editors,
				verify: async (_, { scope, label }) => {
					const statement = await db.selectFrom('accessibility_statement').select('compliance').execute();
					expect(statement, label).toEqual([{ compliance: 'full' }]);
					const gaps = await owner.selectFrom('accessibility_gap').select('description').execute();
					expect(gaps, `${label} (${scope})`).toEqual([{ description: 'Ny känd brist.' }]);
				}
			},
			'accessibility.report': {
				call: (c, scope) =>
					c.accessibility.report({ site: siteOf(scope), description: 'Går inte att zooma.', email: 'x@test.example' }),
				allowed: () => true,
				verify: async (_, { label }) => {
					const mails = await owner.selectFrom('mail_outbox').select('recipient').execute();
					expect(
						mails.map((m) => m.recipient),
						label
					).not.toContain('x@test.example');
					expect(await owner.selectFrom('accessibility_report').select('id').execute(), label).toHaveLength(2);
				}
			},
			'accessibility.reports': {
				call: (c, scope) => c.accessibility.reports({ site: siteOf(scope) }),
				allowed: editors,
				verify: (value, { scope, label }) =>
					expect(
						(value as { reports: { description: string }[] }).reports.map((r) => r.description),
						label
					).toEqual([`Matrisens rapport ${scope}`]),
				assertNoLeak: (value, { label }) =>
					expect((value as { reports: unknown[] }).reports, `${label} leaked reports`).toEqual([])
			},
			'accessibility.updateReport': {
				call: (c, scope, w) =>
					c.accessibility.updateReport({ site: siteOf(scope), id: w.reportId, status: 'fixed', note: 'Åtgärdat.' }),
				allowed: editors,
				verify: async (_, { world: w, label }) => {
					const row = await owner
						.selectFrom('accessibility_report')
						.select(['status', 'note'])
						.where('id', '=', w.reportId)
						.executeTakeFirst();
					expect(row, label).toEqual({ status: 'fixed', note: 'Åtgärdat.' });
				}
			}
		}
	});
}
