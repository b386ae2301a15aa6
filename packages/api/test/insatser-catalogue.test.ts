import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskSmallCount } from '../src/core/index.ts';
import { callersFor, expectTrpcError, seedPresidium } from './helpers.ts';
import { createCaller } from '../src/index.ts';
import { insertInsats } from './insatser-fixtures.ts';

// The public catalogue: each filter, the Swedish search, the publication rule (a draft or one in
// review is never found, shown or exported), small counts masked, the exports, and who reads usage.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const presidium = await seedPresidium(owner, fx);
const as = callersFor(db, fx);
const asUser = (id: number) =>
	createCaller({
		db,
		user: { id, email: `u${id}@test.example`, name: `u${id}` },
		session: { id: `s${id}`, twoFactorVerified: true }
	});

let ids: Record<string, number>;
beforeAll(async () => {
	ids = {
		samre: await insertInsats(owner, fx, {
			slug: 'samre',
			name: 'SAMRE – samordnad rehabilitering',
			summary: 'Stöd till arbete för unga vuxna med psykisk ohälsa.',
			description: 'Deltagarna får en egen coach och träffar arbetsgivare i **Årsta** och Älvsjö.',
			target_groups: ['unga', 'psykisk_ohalsa'],
			municipalities: ['Sundbyberg', 'Solna'],
			age_min: 16,
			age_max: 29,
			access_via: 'bada',
			intake: 'ja',
			life_status: 'pagaende',
			reviewed_at: '2026-10-01',
			contacts: [{ name: 'Lina Exempelsson', title: 'Samordnare', email: 'lina@example.org', phone: '08-123 45' }],
			referral_key: 'insatser/remiss-samre.pdf',
			referral_filename: 'remiss-samre.pdf'
		}),
		struktur: await insertInsats(owner, fx, {
			slug: 'kompetens',
			name: 'Kompetensdagar för handläggare',
			summary: 'Utbildning om samverkan.',
			inriktning: 'strukturovergripande',
			target_groups: ['personal'],
			municipalities: ['Solna'],
			access_via: 'handlaggare',
			intake: 'nej',
			life_status: 'planerad'
		}),
		vuxna: await insertInsats(owner, fx, {
			slug: 'vuxna',
			name: 'Vägen vidare',
			summary: 'För vuxna med försörjningsstöd.',
			target_groups: ['forsorjningsstod'],
			municipalities: ['Sundbyberg'],
			age_min: 30,
			age_max: 64,
			access_via: 'sjalv',
			intake: 'vantelista',
			life_status: 'avslutad'
		}),
		draft: await insertInsats(owner, fx, {
			slug: 'utkast',
			name: 'Hemlig rehabilitering utkast',
			target_groups: ['unga'],
			municipalities: ['Sundbyberg'],
			status: 'draft'
		}),
		review: await insertInsats(owner, fx, {
			slug: 'granskas',
			name: 'Rehabilitering som granskas',
			target_groups: ['unga'],
			municipalities: ['Sundbyberg'],
			status: 'review'
		}),
		otherB: await insertInsats(owner, fx, {
			forbund_id: fx.forbund.b,
			slug: 'b-insats',
			name: 'Rehabilitering i B',
			target_groups: ['unga'],
			municipalities: ['Täby']
		}),
		otherC: await insertInsats(owner, fx, {
			forbund_id: fx.forbund.c,
			slug: 'c-insats',
			name: 'Rehabilitering i C',
			target_groups: ['unga'],
			municipalities: ['Lund']
		})
	};
	await owner
		.insertInto('insats_year')
		.values({
			insats_id: ids.samre!,
			year: 2025,
			participants_women: 3,
			participants_men: 12,
			to_work: 0,
			to_studies: 5,
			cost_budget: 1_200_000n as never
		})
		.execute();
	await owner.updateTable('news').set({ insats_id: null }).execute();
});

const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name).sort();
const search = (input: Record<string, unknown>) =>
	as.anonymous.insatser.search({ owner: { forbund: 'a' }, ...input } as never);

describe('the catalogue', () => {
	it('lists a förbund’s published insatser by name, never a draft or one in review, nor another förbund’s', async () => {
		const r = await search({});
		expect(r.items.map((i) => i.name)).toEqual([
			'Kompetensdagar för handläggare',
			'SAMRE – samordnad rehabilitering',
			'Vägen vidare'
		]);
		expect(r.total).toBe(3);
		expect(r.items[1]).toMatchObject({ path: '/insatser/samre', forbund_slug: 'a' });
	});

	it('shows an editor no draft either: the function states the rule itself', async () => {
		const r = await as.editorA.insatser.search({ owner: { forbund: 'a' }, q: 'rehabilitering' });
		expect(names(r)).toEqual(['SAMRE – samordnad rehabilitering']);
	});

	it('filters by municipality', async () => {
		expect(names(await search({ municipality: 'Solna' }))).toEqual([
			'Kompetensdagar för handläggare',
			'SAMRE – samordnad rehabilitering'
		]);
	});
	it('filters by target group', async () => {
		expect(names(await search({ targetGroup: 'forsorjningsstod' }))).toEqual(['Vägen vidare']);
	});
	it('filters by an age within the range (no range: any age)', async () => {
		expect(names(await search({ age: 20 }))).toEqual([
			'Kompetensdagar för handläggare',
			'SAMRE – samordnad rehabilitering'
		]);
		expect(names(await search({ age: 40 }))).toEqual(['Kompetensdagar för handläggare', 'Vägen vidare']);
	});
	it('filters by inriktning', async () => {
		expect(names(await search({ inriktning: 'strukturovergripande' }))).toEqual(['Kompetensdagar för handläggare']);
	});
	it('filters "I can get in on my own": on one’s own or both', async () => {
		expect(names(await search({ onOwn: true }))).toEqual(['SAMRE – samordnad rehabilitering', 'Vägen vidare']);
	});
	it('filters "takes participants now": intake yes only', async () => {
		expect(names(await search({ intakeNow: true }))).toEqual(['SAMRE – samordnad rehabilitering']);
	});
	it('filters by life status', async () => {
		expect(names(await search({ lifeStatus: 'avslutad' }))).toEqual(['Vägen vidare']);
	});
	it('combines filters', async () => {
		expect(names(await search({ municipality: 'Sundbyberg', targetGroup: 'unga' }))).toEqual([
			'SAMRE – samordnad rehabilitering'
		]);
	});

	it('searches in Swedish, any form of a word, and ranks the name first', async () => {
		const r = await search({ q: 'arbetsgivarna' });
		expect(names(r)).toEqual(['SAMRE – samordnad rehabilitering']);
		expect(names(await search({ q: 'samverkan' }))).toEqual(['Kompetensdagar för handläggare']);
	});

	it('pages', async () => {
		const first = await search({ limit: 2 });
		const second = await search({ limit: 2, page: 2 });
		expect(first).toMatchObject({ total: 3, pageCount: 2 });
		expect(second.items.map((i) => i.name)).toEqual(['Vägen vidare']);
	});

	it('serves the region’s catalogue on the hub: all its förbund’s published insatser', async () => {
		const r = await as.anonymous.insatser.search({ owner: { region: 'norr' }, q: 'rehabilitering' });
		expect(names(r)).toEqual(['Rehabilitering i B', 'SAMRE – samordnad rehabilitering']);
	});

	it('answers the site search with {owner, q, limit}', async () => {
		const r = await as.anonymous.insatser.search({ owner: { forbund: 'a' }, q: 'samre', limit: 5 });
		expect(r.total).toBe(1);
		expect(Object.keys(r.items[0]!)).toEqual(
			expect.arrayContaining([
				'id',
				'name',
				'summary',
				'slug',
				'path',
				'forbund_slug',
				'forbund_name',
				'forbund_origin'
			])
		);
	});

	it('refuses a bad filter in Swedish', async () => {
		const e = await expectTrpcError(search({ age: 300 }), 'BAD_REQUEST');
		expect(e.message).toContain('120 år');
	});

	it('is served by the indexes: the scope, the arrays and the text (the plan, as the function’s owner runs it)', async () => {
		await owner.transaction().execute(async (trx) => {
			await sql`set local enable_seqscan = off`.execute(trx);
			const plan = await sql<{ 'QUERY PLAN': string }>`explain select i.id from insats i
				where i.status = 'published' and i.region_id = ${fx.regions.norr}
				and i.municipalities @> array['Solna'] and i.search @@ websearch_to_tsquery('swedish', 'rehabilitering')`.execute(trx);
			const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
			expect(text).toMatch(/insats_(municipalities|search|region_published)_idx/);
		});
	});
});

describe('an insats’s page', () => {
	it('shows a published insats with each count under 5 as "<5", money as is', async () => {
		const page = await as.anonymous.insatser.page({ forbund: 'a', slug: 'samre' });
		expect(page.name).toBe('SAMRE – samordnad rehabilitering');
		expect(page.description_html).toContain('<strong>Årsta</strong>');
		expect(page.years).toEqual([
			expect.objectContaining({
				year: 2025,
				participants_women: '<5',
				participants_men: '12',
				to_work: '<5',
				to_studies: '5',
				cost_budget: 1_200_000,
				participants_other: null
			})
		]);
		expect(page.has_referral).toBe(true);
		expect(page).not.toHaveProperty('referral_key');
	});

	it('is a 404 for a draft, for everyone, its editor included', async () => {
		await expectTrpcError(as.anonymous.insatser.page({ forbund: 'a', slug: 'utkast' }), 'NOT_FOUND');
		await expectTrpcError(as.editorA.insatser.page({ forbund: 'a', slug: 'granskas' }), 'NOT_FOUND');
	});

	it('lists the published news items linked to it, not a draft', async () => {
		const item = (slug: string, status: string) =>
			owner
				.insertInto('news')
				.values({
					region_id: fx.regions.norr,
					forbund_id: fx.forbund.a,
					slug,
					title: `Nytt om SAMRE ${slug}`,
					lead: '',
					body: 'Text',
					status,
					published_at: status === 'published' ? new Date('2026-02-01') : null,
					insats_id: ids.samre
				} as never)
				.execute();
		await item('publicerad', 'published');
		await item('utkastet', 'draft');
		const page = await as.anonymous.insatser.page({ forbund: 'a', slug: 'samre' });
		expect(page.news.map((n) => n.slug)).toEqual(['publicerad']);
	});

	it('gives the referral form of a published insats only', async () => {
		expect(await as.anonymous.insatser.referral({ forbund: 'a', slug: 'samre' })).toMatchObject({
			key: 'insatser/remiss-samre.pdf',
			filename: 'remiss-samre.pdf'
		});
		await expectTrpcError(as.anonymous.insatser.referral({ forbund: 'a', slug: 'vuxna' }), 'NOT_FOUND');
	});
});

describe('the exports', () => {
	it('CSV rows: header first, published only, with Swedish labels', async () => {
		const rows = await as.editorA.insatser.exportRows({ owner: { forbund: 'a' } });
		expect(rows[0]).toContain('Granskad senast');
		expect(
			rows
				.slice(1)
				.map((r) => r[0])
				.sort()
		).toEqual(['Kompetensdagar för handläggare', 'SAMRE – samordnad rehabilitering', 'Vägen vidare']);
		const samre = rows.find((r) => r[0]?.startsWith('SAMRE'))!;
		expect(samre).toContain('Unga 16–29 år, Psykisk ohälsa');
		expect(samre).toContain('2026-10-01');
	});

	it('HSDS: a service record per published insats, status from the life status, assured_date from granskad senast', async () => {
		const services = await as.anonymous.insatser.exportHsds({ owner: { region: 'norr' } });
		expect(services.map((s) => s.name).sort()).toEqual([
			'Kompetensdagar för handläggare',
			'Rehabilitering i B',
			'SAMRE – samordnad rehabilitering',
			'Vägen vidare'
		]);
		const samre = services.find((s) => s.name.startsWith('SAMRE'))!;
		expect(samre).toMatchObject({ status: 'active', assured_date: '2026-10-01', minimum_age: 16, maximum_age: 29 });
		expect(samre.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(samre.service_areas.map((a) => a.name)).toEqual(['Sundbyberg', 'Solna']);
		expect(samre.contacts[0]).toMatchObject({ name: 'Lina Exempelsson', phones: [{ number: '08-123 45' }] });
		expect(services.find((s) => s.name === 'Vägen vidare')!.status).toBe('defunct');
		expect(services.find((s) => s.name.startsWith('Kompetens'))!.status).toBe('inactive');
	});
});

describe('usage', () => {
	beforeAll(async () => {
		// As the sites count: through app_count_insats_hit, as the app's role.
		await db.transaction().execute(async (trx) => {
			await sql`select app_count_insats_hit('a', null, 'samre', 'view', current_date, 3)`.execute(trx);
			await sql`select app_count_insats_hit('a', null, 'samre', 'view', current_date, 2)`.execute(trx);
			await sql`select app_count_insats_hit('a', null, 'samre', 'referral', current_date, 1)`.execute(trx);
			await sql`select app_count_insats_hit('a', null, null, 'search', current_date, 4)`.execute(trx);
			await sql`select app_count_insats_hit(null, 'norr', null, 'search', current_date, 7)`.execute(trx);
			// Unknown and unpublished addresses count nothing.
			await sql`select app_count_insats_hit('a', null, 'utkast', 'view', current_date, 9)`.execute(trx);
			await sql`select app_count_insats_hit('finns-inte', null, null, 'search', current_date, 9)`.execute(trx);
		});
	});

	it('is counted through the function only: the app cannot write the table', async () => {
		await expect(
			sql`insert into insats_usage (region_id, kind, month, count) values (${fx.regions.norr}, 'view', '2026-01-01', 1)`.execute(
				db
			)
		).rejects.toThrow();
		const rows = await owner
			.selectFrom('insats_usage')
			.select(['kind', 'count', 'insats_id', 'forbund_id'])
			.orderBy('kind')
			.orderBy('count')
			.execute();
		expect(rows).toEqual([
			{ kind: 'referral', count: 1, insats_id: ids.samre, forbund_id: fx.forbund.a },
			{ kind: 'search', count: 4, insats_id: null, forbund_id: fx.forbund.a },
			{ kind: 'search', count: 7, insats_id: null, forbund_id: null },
			{ kind: 'view', count: 5, insats_id: ids.samre, forbund_id: fx.forbund.a }
		]);
	});

	it('is read by the förbund’s admin per month and per insats', async () => {
		expect(await as.adminA.insatser.canReadUsage({ owner: { forbund: 'a' } })).toBe(true);
		const usage = await as.adminA.insatser.usage({ owner: { forbund: 'a' } });
		expect(usage.months).toEqual([expect.objectContaining({ views: 5, searches: 4, referrals: 1 })]);
		expect(usage.insatser).toEqual([
			expect.objectContaining({ name: 'SAMRE – samordnad rehabilitering', views: 5, referrals: 1 })
		]);
	});

	it('is read for the whole region by its presidium, the hub’s searches included', async () => {
		const p = asUser(presidium.presidiumA);
		expect(await p.insatser.canReadUsage({ owner: { region: 'norr' } })).toBe(true);
		const usage = await p.insatser.usage({ owner: { region: 'norr' } });
		expect(usage.months).toEqual([expect.objectContaining({ views: 5, searches: 11, referrals: 1 })]);
	});

	it('is refused to editors, visitors, another region’s presidium and another förbund’s admin', async () => {
		expect(await as.anonymous.insatser.canReadUsage({ owner: { forbund: 'a' } })).toBe(false);
		expect(await as.editorA.insatser.canReadUsage({ owner: { forbund: 'a' } })).toBe(false);
		await expectTrpcError(as.editorA.insatser.usage({ owner: { forbund: 'a' } }), 'FORBIDDEN');
		await expectTrpcError(as.anonymous.insatser.usage({ owner: { forbund: 'a' } }), 'UNAUTHORIZED');
		await expectTrpcError(asUser(presidium.presidiumC).insatser.usage({ owner: { region: 'norr' } }), 'FORBIDDEN');
		await expectTrpcError(as.adminA.insatser.usage({ owner: { forbund: 'b' } }), 'FORBIDDEN');
		await expectTrpcError(as.adminA.insatser.usage({ owner: { region: 'norr' } }), 'FORBIDDEN');
	});
});

describe('maskSmallCount', () => {
	it('shows 0 to 4 as "<5", keeps 5 and up, and null as null', () => {
		expect([0, 1, 4, 5, 17, null].map(maskSmallCount)).toEqual(['<5', '<5', '<5', '5', '17', null]);
	});
});
