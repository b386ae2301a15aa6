import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { renewLink } from '../../src/asf/register.ts';
import { asfCallersFor, grantAsfRoles, seedAsfStaff } from '../helpers.ts';
import { defineMatrix } from './runner.ts';

// ASF coordination: every procedure, for every role, on an enterprise of region norr (förbund A and
// B) and one of region syd (förbund C), each with a place, a link and a note. Who may do what is
// stated here apart from the code under test:
// - the region's ASF-samordnare (asfNorr, asfSyd) and platform admins keep the register;
// - the notes are read by them and by the insatspersonal of the region's förbund (staffA, staffC);
// - a förbund's editor of the region (editorA in norr) leaves a note without reading them;
// - the enterprise's link works for whoever holds it (anyone, no account);
// - place requests are read by the region's ASF staff (as the notes), asked for and withdrawn by
//   the förbund's insatspersonal (staffA for A in norr, staffC for C in syd), moved on by the
//   samordnare; nothing of them reaches anyone else.

/** The ASF matrices' people (this one's and the agreements'), and who keeps or staffs which region. */
export const ACTORS = [
	'anonymous',
	'noRoles',
	'editorA',
	'coordinatorNorr',
	'asfNorr',
	'asfSyd',
	'staffA',
	'staffC',
	'platformAdmin'
] as const;
export type Actor = (typeof ACTORS)[number];
export type Scope = 'norr' | 'syd';
export const SCOPES: Scope[] = ['norr', 'syd'];

export const keeps = (actor: Actor, r: Scope) =>
	actor === 'platformAdmin' || (r === 'norr' ? actor === 'asfNorr' : actor === 'asfSyd');
/** The region's ASF staff, who read its notes, requests and agreements' internal part. */
export const readsNotes = (actor: Actor, r: Scope) =>
	keeps(actor, r) || (r === 'norr' ? actor === 'staffA' : actor === 'staffC');
const leavesNote = (actor: Actor, r: Scope) => readsNotes(actor, r) || (r === 'norr' && actor === 'editorA');
const asksForPlace = (actor: Actor, r: Scope) =>
	actor === 'platformAdmin' || (r === 'norr' ? actor === 'staffA' : actor === 'staffC');
const withdraws = (actor: Actor, r: Scope) => keeps(actor, r) || asksForPlace(actor, r);
const forbundOf = (r: Scope) => (r === 'norr' ? 'a' : 'c');
const request = {
	placeKind: 'arbetstraning' as const,
	ageBand: '30-39' as const,
	needs: ['struktur' as const],
	description: 'En ny förfrågan',
	municipality: 'Solna',
	wishedStart: '2027-02-01'
};

const NONE = { met: false, note: '' };
const fields = {
	name: 'Matrisföretaget',
	orgNumber: '802533-8800',
	legalForm: 'ekonomisk_forening' as const,
	criteria: { syfte: NONE, delaktighet: NONE, aterinvestering: NONE, oberoende: NONE }
};

async function world(owner: Db, fx: Fixtures, staff: Staff) {
	await owner.deleteFrom('asf_request').execute();
	await owner.deleteFrom('asf_enterprise').execute();
	const build = async (r: Scope) => {
		const region_id = fx.regions[r];
		const e = await owner
			.insertInto('asf_enterprise')
			.values({
				region_id,
				slug: `matris-${r}`,
				name: `Matris ${r}`,
				org_number: '769612-1214',
				legal_form: 'ekonomisk_forening',
				municipalities: ['Solna'],
				criteria: '{}',
				contacts: '[]'
			})
			.returning(['id', 'version'])
			.executeTakeFirstOrThrow();
		const place = await owner
			.insertInto('asf_place')
			.values({ enterprise_id: e.id, kind: 'arbetstraning', max_places: 4, free_places: 1 })
			.returning('id')
			.executeTakeFirstOrThrow();
		await owner
			.insertInto('asf_place_history')
			.values({ place_id: place.id, free_places: 1, via: 'samordnare' })
			.execute();
		const token = await renewLink(owner, e.id, fx.users.platformAdmin);
		await owner
			.insertInto('asf_note')
			.values({ enterprise_id: e.id, body: `Hemlig anteckning ${r}` })
			.execute();
		// A request of the region's förbund with an enterprise proposed, so every step may follow.
		const asked = await owner
			.insertInto('asf_request')
			.values({
				region_id,
				forbund_id: fx.forbund[forbundOf(r)],
				requested_by: r === 'norr' ? staff.staffA : staff.staffC,
				place_kind: 'arbetstraning',
				age_band: '25-29',
				needs: ['upptrappning'],
				description: `Hemlig förfrågan ${r}`,
				municipality: 'Solna',
				wished_start: '2027-01-11',
				status: 'foreslagen',
				enterprise_id: e.id
			})
			.returning(['id', 'version'])
			.executeTakeFirstOrThrow();
		await owner
			.insertInto('asf_request_step')
			.values({ request_id: asked.id, step: 'skapad', happened_at: new Date() })
			.execute();
		return { id: e.id, version: e.version, place: place.id, token, request: asked };
	};
	const ids = { norr: await build('norr'), syd: await build('syd') };
	return (r: Scope) => ids[r];
}
type World = Awaited<ReturnType<typeof world>>;
type Staff = Awaited<ReturnType<typeof seedAsfStaff>>;

/** Neither a note's text, the link's token nor the history in an answer the actor may not have. */
const noSecrets = (value: unknown, { world, scope, label }: { world: World; scope: Scope; label: string }) => {
	const text = JSON.stringify(value);
	expect(text, `${label} leaked a note`).not.toMatch(/Hemlig anteckning/);
	expect(text, `${label} leaked the link`).not.toContain(world(scope).token);
	expect((value as { history?: unknown[] }).history ?? [], `${label} leaked the history`).toEqual([]);
};

/** No request of the region in an answer the actor may not have (lists empty, no text of one). */
const noRequests = (value: unknown, { label }: { label: string }) => {
	expect(JSON.stringify(value), `${label} leaked a request`).not.toMatch(/Hemlig förfrågan/);
	const { requests = [], open = [] } = value as { requests?: unknown[]; open?: unknown[] };
	expect([...requests, ...open], `${label} listed requests`).toEqual([]);
};

export async function asfMatrix(db: Db, owner: Db, fx: Fixtures) {
	// The roles come with the first world, so the matrices that run before this one see no new member.
	const staff = await seedAsfStaff(owner, fx, { roles: false });
	return defineMatrix<Actor, Scope, World>({
		name: 'asf',
		actors: ACTORS,
		scopes: SCOPES,
		callers: asfCallersFor(db, fx, staff),
		reset: async () => {
			await grantAsfRoles(owner, fx, staff);
			return world(owner, fx, staff);
		},
		tables: [
			'asf_enterprise',
			'asf_workplace',
			'asf_staffing',
			'asf_place',
			'asf_place_history',
			'asf_update_link',
			'asf_note',
			'asf_request',
			'asf_request_step'
		],
		procedures: {
			'asf.create': {
				call: (c, r) => c.asf.create({ region: r, fields }),
				allowed: keeps
			},
			'asf.update': {
				call: (c, r, w) =>
					c.asf.update({ id: w(r).id, version: w(r).version, fields: { ...fields, orgNumber: '769612-1214' } }),
				allowed: keeps
			},
			'asf.setPlaces': {
				call: (c, r, w) => c.asf.setPlaces({ id: w(r).id, places: [{ kind: 'praktik', max: 2, free: 1 }] }),
				allowed: keeps
			},
			'asf.setImage': {
				call: (c, r, w) =>
					c.asf.setImage({
						id: w(r).id,
						version: w(r).version,
						key: `images/${'ab'.repeat(15)}${r === 'norr' ? '01' : '02'}`,
						width: 800,
						height: 600,
						alt: 'Verkstaden'
					}),
				allowed: keeps
			},
			'asf.removeImage': {
				call: (c, r, w) => c.asf.removeImage({ id: w(r).id, version: w(r).version }),
				allowed: keeps
			},
			'asf.renewLink': {
				call: (c, r, w) => c.asf.renewLink({ id: w(r).id }),
				allowed: keeps
			},
			'asf.importCsv': {
				call: (c, r) => c.asf.importCsv({ region: r, csv: 'Namn;Organisationsnummer\nImporterat;802533-8800\n' }),
				allowed: keeps,
				verify: (value) => expect(value).toMatchObject({ created: 1, errors: [] })
			},
			'asf.importCsv#existing': {
				call: (c, r) => c.asf.importCsv({ region: r, csv: 'Namn;Organisationsnummer\nNytt namn;769612-1214\n' }),
				allowed: keeps,
				verify: (value) => expect(value).toMatchObject({ updated: 1, errors: [] })
			},
			'asf.reportByLink': {
				call: (c, r, w) => c.asf.reportByLink({ token: w(r).token, counts: { [w(r).place]: 3 } }),
				allowed: () => true
			},
			'asf.get': {
				call: (c, r, w) => c.asf.get({ id: w(r).id }),
				allowed: keeps,
				verify: (value, { world, scope }) =>
					expect((value as { link: { token: string } }).link.token).toBe(world(scope).token),
				assertNoLeak: noSecrets
			},
			'asf.notes': {
				call: (c, r, w) => c.asf.notes({ enterpriseId: w(r).id }),
				allowed: readsNotes,
				verify: (value, { scope }) => expect(JSON.stringify(value)).toContain(`Hemlig anteckning ${scope}`)
			},
			'asf.addNote': {
				call: (c, r, w) => c.asf.addNote({ enterpriseId: w(r).id, body: 'En ny anteckning' }),
				allowed: leavesNote
			},
			'asf.askForPlace': {
				call: (c, r) => c.asf.askForPlace({ forbund: forbundOf(r), fields: request }),
				allowed: asksForPlace
			},
			'asf.requests': {
				call: (c, r) => c.asf.requests({ owner: { region: r }, status: 'alla' }),
				allowed: readsNotes,
				verify: (value) => expect((value as { requests: unknown[] }).requests).toHaveLength(1),
				assertNoLeak: noRequests
			},
			'asf.requests#forbund': {
				call: (c, r) => c.asf.requests({ owner: { forbund: forbundOf(r) }, status: 'oppna' }),
				allowed: readsNotes,
				verify: (value) => expect((value as { requests: unknown[] }).requests).toHaveLength(1),
				assertNoLeak: noRequests
			},
			'asf.request': {
				call: (c, r, w) => c.asf.request({ owner: { region: r }, id: w(r).request.id }),
				allowed: readsNotes,
				verify: (value, { scope }) => expect(JSON.stringify(value)).toContain(`Hemlig förfrågan ${scope}`)
			},
			'asf.placeOverview': {
				call: (c, r) => c.asf.placeOverview({ owner: { region: r } }),
				allowed: readsNotes,
				verify: (value) => expect((value as { open: unknown[] }).open).toHaveLength(1),
				assertNoLeak: noRequests
			},
			'asf.proposeEnterprise': {
				call: (c, r, w) =>
					c.asf.proposeEnterprise({ id: w(r).request.id, version: w(r).request.version, enterpriseId: w(r).id }),
				allowed: keeps
			},
			'asf.recordRequestStep': {
				call: (c, r, w) =>
					c.asf.recordRequestStep({
						id: w(r).request.id,
						version: w(r).request.version,
						step: 'startad',
						happenedAt: '2027-01-11T09:00'
					}),
				allowed: keeps
			},
			'asf.withdrawRequest': {
				call: (c, r, w) => c.asf.withdrawRequest({ id: w(r).request.id, version: w(r).request.version }),
				allowed: withdraws
			}
		}
	});
}
