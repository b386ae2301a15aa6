import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { asfCallersFor, grantAsfRoles } from '../helpers.ts';
import { ACTORS, keeps, readsNotes, SCOPES, type Actor, type Scope } from './asf.ts';
import { defineMatrix } from './runner.ts';

// ASF agreements: every procedure, for every role, on an active agreement of region norr (förbund A
// buys) and one of syd (förbund C buys), each with its internal part, places, a linked document and
// one more of the region's library to link. Who may do what, stated apart from the code under test:
// - the region's ASF-samordnare (asfNorr, asfSyd) and platform admins write agreements;
// - the internal part (value, notes, diarienummer, documents), who buys what and the unused places
//   are read by them and by the insatspersonal of the region's förbund (staffA, staffC);
// - an agreement's public part is anyone's.
// The ASF people are those the asf matrix made (it is declared first); either gives them their roles.

const isStaff = readsNotes;

const SECRET = /Hemlig avtalsanteckning|777777|DNR-hemligt|Avtalsbilaga/;
/** The library's documents are public: only which one is linked to an agreement is internal. */
const INTERNAL = /Hemlig avtalsanteckning|777777|DNR-hemligt/;
const DAY = 24 * 3600 * 1000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

let serial = 0;
async function world(owner: Db, fx: Fixtures) {
	// Only this matrix's enterprises (and so their agreements): the other ASF matrices keep theirs.
	await owner.deleteFrom('asf_enterprise').where('slug', 'in', ['avtal-norr', 'avtal-syd']).execute();
	await owner.deleteFrom('document').where('storage_key', 'like', 'files/matris-avtal-%').execute();
	const now = Date.now();
	const build = async (r: Scope) => {
		const region_id = fx.regions[r];
		const e = await owner
			.insertInto('asf_enterprise')
			.values({
				region_id,
				slug: `avtal-${r}`,
				name: `Avtalsföretag ${r}`,
				org_number: '802547-3276',
				legal_form: 'ekonomisk_forening',
				criteria: '{}',
				contacts: '[]'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const place = await owner
			.insertInto('asf_place')
			.values({
				enterprise_id: e.id,
				kind: 'arbetstraning',
				max_places: 4,
				free_places: 1,
				free_as_of: new Date(now - 40 * DAY)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await owner
			.insertInto('asf_place_history')
			.values({ place_id: place.id, free_places: 1, via: 'lank', recorded_at: new Date(now - 40 * DAY) })
			.execute();
		const a = await owner
			.insertInto('asf_agreement')
			.values({
				region_id,
				enterprise_id: e.id,
				title: `Arbetsträning ${r}`,
				buyer_kind: 'forbund',
				buyer_forbund_id: r === 'norr' ? fx.forbund.a : fx.forbund.c,
				form: 'lou',
				starts_on: iso(new Date(now - 90 * DAY)),
				ends_on: iso(new Date(now + 20 * DAY)),
				status: 'aktivt'
			})
			.returning(['id', 'version'])
			.executeTakeFirstOrThrow();
		await owner
			.insertInto('asf_agreement_internal')
			.values({ agreement_id: a.id, value_sek: 777777, diarienummer: 'DNR-hemligt', notes: 'Hemlig avtalsanteckning' })
			.execute();
		await owner
			.insertInto('asf_agreement_place')
			.values({ agreement_id: a.id, kind: 'arbetstraning', places: 2 })
			.execute();
		const doc = (title: string) =>
			owner
				.insertInto('document')
				.values({
					region_id,
					title,
					document_date: '2026-01-15',
					kind: 'ovrigt',
					storage_key: `files/matris-avtal-${++serial}`,
					filename: 'avtal.pdf',
					size_bytes: 1000
				})
				.returning('id')
				.executeTakeFirstOrThrow();
		const linked = await doc(`Avtalsbilaga ${r}`);
		const free = await doc(`Beslut ${r}`);
		await owner.insertInto('asf_agreement_document').values({ agreement_id: a.id, document_id: linked.id }).execute();
		return {
			enterprise: e.id,
			id: a.id,
			version: a.version,
			linked: linked.id,
			free: free.id,
			forbund: r === 'norr' ? fx.forbund.a : fx.forbund.c
		};
	};
	const ids = { norr: await build('norr'), syd: await build('syd') };
	return (r: Scope) => ids[r];
}
type World = Awaited<ReturnType<typeof world>>;

const noSecrets = (value: unknown, { label }: { label: string }) => {
	expect(JSON.stringify(value), `${label} leaked an internal field`).not.toMatch(SECRET);
};

const fields = (w: World, r: Scope) => ({
	enterpriseId: w(r).enterprise,
	title: 'Ny arbetsträning',
	buyerKind: 'forbund' as const,
	buyerForbundId: w(r).forbund,
	form: 'lov' as const,
	startsOn: '2026-01-01',
	endsOn: '2026-12-31',
	status: 'aktivt' as const,
	valueSek: 1000
});

export async function asfAgreementsMatrix(db: Db, owner: Db, fx: Fixtures) {
	const ids = Object.fromEntries(
		(
			await owner
				.selectFrom('app_user')
				.select(['id', 'email'])
				.where('email', 'in', [
					'asfnorr@test.example',
					'asfsyd@test.example',
					'staffa@test.example',
					'staffc@test.example'
				])
				.execute()
		).map((u) => [u.email, u.id])
	);
	const staff = {
		asfNorr: ids['asfnorr@test.example']!,
		asfSyd: ids['asfsyd@test.example']!,
		staffA: ids['staffa@test.example']!,
		staffC: ids['staffc@test.example']!
	};
	return defineMatrix<Actor, Scope, World>({
		name: 'asf-agreements',
		actors: ACTORS,
		scopes: SCOPES,
		callers: asfCallersFor(db, fx, staff),
		reset: async () => {
			await grantAsfRoles(owner, fx, staff);
			return world(owner, fx);
		},
		tables: ['asf_agreement', 'asf_agreement_internal', 'asf_agreement_place', 'asf_agreement_document'],
		procedures: {
			'asf.agreementCreate': {
				call: (c, r, w) =>
					c.asf.agreementCreate({ region: r, fields: fields(w, r), places: [{ kind: 'praktik', places: 1 }] }),
				allowed: keeps
			},
			'asf.agreementUpdate': {
				call: (c, r, w) => c.asf.agreementUpdate({ id: w(r).id, version: w(r).version, fields: fields(w, r) }),
				allowed: keeps
			},
			'asf.agreementSetPlaces': {
				call: (c, r, w) => c.asf.agreementSetPlaces({ id: w(r).id, places: [{ kind: 'praktik', places: 3 }] }),
				allowed: keeps
			},
			'asf.agreementLinkDocument': {
				call: (c, r, w) => c.asf.agreementLinkDocument({ id: w(r).id, documentId: w(r).free }),
				allowed: keeps
			},
			'asf.agreementUnlinkDocument': {
				call: (c, r, w) => c.asf.agreementUnlinkDocument({ id: w(r).id, documentId: w(r).linked }),
				allowed: keeps
			},
			'asf.agreementOptions': {
				call: (c, r) => c.asf.agreementOptions({ region: r }),
				allowed: keeps,
				assertNoLeak: (value, { label }) => expect(JSON.stringify(value), label).not.toMatch(INTERNAL)
			},
			'asf.agreementEnding': {
				call: (c, r) => c.asf.agreementEnding({ region: r }),
				allowed: keeps,
				verify: (value, { world, scope }) => expect(value).toEqual([expect.objectContaining({ id: world(scope).id })]),
				assertNoLeak: noSecrets
			},
			'asf.agreementList': {
				call: (c, r) => c.asf.agreementList({ region: r }),
				allowed: isStaff,
				verify: (value, { scope }) => {
					expect(JSON.stringify(value)).toContain('Hemlig avtalsanteckning');
					expect(JSON.stringify(value)).toContain(`Arbetsträning ${scope}`);
				},
				assertNoLeak: noSecrets
			},
			'asf.agreementGet': {
				call: (c, r, w) => c.asf.agreementGet({ id: w(r).id }),
				allowed: isStaff,
				verify: (value, { scope }) => {
					expect(JSON.stringify(value)).toContain('DNR-hemligt');
					expect(JSON.stringify(value)).toContain(`Avtalsbilaga ${scope}`);
				},
				assertNoLeak: noSecrets
			},
			'asf.agreementWhoBuysWhat': {
				call: (c, r) => c.asf.agreementWhoBuysWhat({ region: r }),
				allowed: isStaff,
				verify: (value) =>
					expect((value as { items: { value_sek: number | null }[] }).items.some((i) => (i.value_sek ?? 0) > 0)).toBe(
						true
					),
				assertNoLeak: (value, ctx) => {
					noSecrets(value, ctx);
					for (const item of (value as { items: { value_sek: number | null }[] }).items) {
						expect(item.value_sek, `${ctx.label} leaked a value`).toBeNull();
					}
				}
			},
			'asf.agreementUnusedPlaces': {
				call: (c, r) => c.asf.agreementUnusedPlaces({ region: r }),
				allowed: isStaff,
				verify: (value, { world, scope }) =>
					expect(value).toEqual([expect.objectContaining({ agreement_id: world(scope).id, kind: 'arbetstraning' })]),
				assertNoLeak: (value, { label }) => expect(value, `${label} flagged places for an outsider`).toEqual([])
			},
			'asf.agreementPublic': {
				call: (c, r, w) => c.asf.agreementPublic({ enterpriseId: w(r).enterprise }),
				allowed: () => true,
				verify: (value, ctx) => {
					expect(value).toEqual([expect.objectContaining({ id: ctx.world(ctx.scope).id, kinds: ['arbetstraning'] })]);
					noSecrets(value, ctx);
				}
			}
		}
	});
}
