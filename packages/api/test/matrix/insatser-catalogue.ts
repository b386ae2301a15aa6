import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { minutesCallersFor, seedPresidium } from '../helpers.ts';
import { insertInsats } from '../insatser-fixtures.ts';
import { defineMatrix, type ProcedureCase } from './runner.ts';

// The public side of the catalogue: every procedure, for every role, on a förbund of each region
// and on the regions themselves. Each case starts from a published insats and a draft in each
// förbund, and usage counted for both.

const ACTORS = [
	'anonymous',
	'noRoles',
	'editorA',
	'adminA',
	'presidiumA',
	'presidiumC',
	'coordinatorNorr',
	'platformAdmin'
] as const;
type Actor = (typeof ACTORS)[number];
const SCOPES = [
	{ forbund: 'a', region: 'norr' },
	{ forbund: 'c', region: 'syd' }
] as const;
type Scope = (typeof SCOPES)[number];
type World = Record<'a' | 'c', { published: string; draft: string }>;
type Case = ProcedureCase<Actor, Scope, World>;

/** Who reads usage (app_can_read_insats_usage): of a förbund, its admins, the region's coordinators and presidium. */
function readsForbundUsage(actor: Actor, scope: Scope) {
	if (actor === 'platformAdmin') return true;
	return scope.region === 'norr' ? ['adminA', 'coordinatorNorr', 'presidiumA'].includes(actor) : actor === 'presidiumC';
}
function readsRegionUsage(actor: Actor, scope: Scope) {
	if (actor === 'platformAdmin') return true;
	return scope.region === 'norr' ? ['coordinatorNorr', 'presidiumA'].includes(actor) : actor === 'presidiumC';
}

const DRAFT = 'Matrisinsats utkast';
const noDraft = (value: unknown, label: string) =>
	expect(JSON.stringify(value), `${label} shows a draft`).not.toContain(DRAFT);
const open = (call: Case['call']): Case => ({ call, allowed: () => true, verify: (v, { label }) => noDraft(v, label) });
/** Usage read past the API's checks must be empty for one who may not read it. */
const noUsage = (value: unknown) => {
	const v = value as { months: unknown[]; insatser: unknown[] };
	expect(v.months).toEqual([]);
	expect(v.insatser).toEqual([]);
};

async function presidiumOf(owner: Db, fx: Fixtures) {
	const found = await owner
		.selectFrom('app_user')
		.select(['id', 'email'])
		.where('email', 'in', ['presidiuma@test.example', 'presidiumc@test.example'])
		.execute();
	const byEmail = new Map(found.map((u) => [u.email, u.id]));
	const a = byEmail.get('presidiuma@test.example');
	const c = byEmail.get('presidiumc@test.example');
	return a && c ? { presidiumA: a, presidiumC: c } : seedPresidium(owner, fx);
}

export async function insatsCatalogueMatrix(db: Db, owner: Db, fx: Fixtures) {
	const presidium = await presidiumOf(owner, fx);
	const reset = async (): Promise<World> => {
		await sql`delete from insats_usage`.execute(owner);
		await owner.deleteFrom('insats').where('slug', 'like', 'matris-%').execute();
		const w = {} as World;
		for (const f of ['a', 'c'] as const) {
			const forbundId = fx.forbund[f];
			await insertInsats(owner, fx, {
				forbund_id: forbundId,
				slug: 'matris-publicerad',
				name: `Matrisinsats ${f}`,
				referral_key: `insatser/${f}.pdf`,
				referral_filename: `${f}.pdf`
			});
			await insertInsats(owner, fx, {
				forbund_id: forbundId,
				slug: 'matris-utkast',
				name: DRAFT,
				status: 'draft',
				referral_key: `insatser/${f}-utkast.pdf`,
				referral_filename: 'utkast.pdf'
			});
			await sql`select app_count_insats_hit(${f}, null, 'matris-publicerad', 'view', current_date, 2)`.execute(owner);
			await sql`select app_count_insats_hit(null, ${f === 'a' ? 'norr' : 'syd'}, null, 'search', current_date, 1)`.execute(
				owner
			);
			w[f] = { published: 'matris-publicerad', draft: 'matris-utkast' };
		}
		return w;
	};
	return defineMatrix<Actor, Scope, World>({
		name: 'insatser (catalogue)',
		actors: ACTORS,
		scopes: SCOPES,
		callers: minutesCallersFor(db, fx, presidium),
		reset,
		// Every call here is a read; insats_usage (no id column) is written only by app_count_insats_hit.
		tables: ['insats'],
		procedures: {
			'insatser.search#forbund': open((c, s) =>
				c.insatser.search({ owner: { forbund: s.forbund }, q: 'matrisinsats' })
			),
			'insatser.search#region': open((c, s) => c.insatser.search({ owner: { region: s.region } })),
			'insatser.page#published': open((c, s, w) =>
				c.insatser.page({ forbund: s.forbund, slug: w[s.forbund].published })
			),
			'insatser.page#draft': {
				call: (c, s, w) => c.insatser.page({ forbund: s.forbund, slug: w[s.forbund].draft }),
				allowed: () => false
			},
			'insatser.referral#published': open((c, s, w) =>
				c.insatser.referral({ forbund: s.forbund, slug: w[s.forbund].published })
			),
			'insatser.referral#draft': {
				call: (c, s, w) => c.insatser.referral({ forbund: s.forbund, slug: w[s.forbund].draft }),
				allowed: () => false
			},
			'insatser.exportRows#forbund': open((c, s) => c.insatser.exportRows({ owner: { forbund: s.forbund } })),
			'insatser.exportRows#region': open((c, s) => c.insatser.exportRows({ owner: { region: s.region } })),
			'insatser.exportHsds#forbund': open((c, s) => c.insatser.exportHsds({ owner: { forbund: s.forbund } })),
			'insatser.exportHsds#region': open((c, s) => c.insatser.exportHsds({ owner: { region: s.region } })),
			'insatser.canReadUsage#forbund': {
				call: (c, s) => c.insatser.canReadUsage({ owner: { forbund: s.forbund } }),
				allowed: () => true,
				verify: (v, { actor, scope, label }) =>
					expect(v, label).toBe(readsForbundUsage(actor, scope) && actor !== 'anonymous')
			},
			'insatser.canReadUsage#region': {
				call: (c, s) => c.insatser.canReadUsage({ owner: { region: s.region } }),
				allowed: () => true,
				verify: (v, { actor, scope, label }) => expect(v, label).toBe(readsRegionUsage(actor, scope))
			},
			'insatser.usage#forbund': {
				call: (c, s) => c.insatser.usage({ owner: { forbund: s.forbund } }),
				allowed: readsForbundUsage,
				verify: (v, { label }) => expect((v as { months: { views: number }[] }).months[0]?.views, label).toBe(2),
				assertNoLeak: noUsage
			},
			'insatser.usage#region': {
				call: (c, s) => c.insatser.usage({ owner: { region: s.region } }),
				allowed: readsRegionUsage,
				verify: (v, { label }) => expect((v as { months: { searches: number }[] }).months[0]?.searches, label).toBe(1),
				assertNoLeak: (v, { actor, scope }) => {
					// Past the API's check, RLS still shows a förbund's admin that förbund's own rows, never the hub's searches.
					if (!readsForbundUsage(actor, scope)) return noUsage(v);
					expect((v as { months: { searches: number }[] }).months.every((m) => m.searches === 0)).toBe(true);
				}
			}
		}
	});
}
