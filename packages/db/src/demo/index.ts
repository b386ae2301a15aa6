import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { insertDemoStatements } from './accessibility.ts';
import { demoAccounts } from './accounts.ts';
import { seedDemoPages } from './content.ts';
import { demoMeetings, type DemoMeeting } from './minutes.ts';
import { insertDemoInsatser } from './insatser.ts';
import { insertDemoAsf } from './asf.ts';
import { insertDemoAsfAgreements } from './asf-agreements.ts';
import { insertDemoAsfRequests } from './asf-requests.ts';
import { insertDemoProjects } from './projects.ts';
import { demoNews } from './news.ts';
import { demoRegions } from './organisations.ts';

export { DEMO_PASSWORD, demoAccounts, demoTotpSecret } from './accounts.ts';
export { demoRegions } from './organisations.ts';
export { demoStatements, type DemoStatement } from './accessibility.ts';
export { demoNews, type DemoNews } from './news.ts';
export { demoInsatser, demoReferralPdf, demoReferrals, type DemoInsats } from './insatser.ts';
export { demoPagesFor, seedDemoPages, type DemoPage } from './content.ts';
export { demoMeetings, type DemoMeeting } from './minutes.ts';
export { MIA, MIA_FIRST_PARTNERS, MIA_VIDARE_PARTNERS } from './projects.ts';
export { demoEnterprises, VIONI } from './asf.ts';
export { demoDocuments, seedDemoDocuments, type DemoDocument, type StorePdf } from './documents.ts';

function refuseInProduction() {
	if (process.env.NODE_ENV === 'production') {
		throw new Error('Demo data (with its known passwords) is never loaded in production.');
	}
}

/**
 * The demo regions and the förbund that have no app of their own here. Only adds what is missing, so
 * it is safe at every start; förbund with an app are registered from their site.config.ts.
 */
export async function seedDemoOrganisations(db: Kysely<Database>): Promise<void> {
	refuseInProduction();
	await db.transaction().execute(async (trx) => {
		for (const region of demoRegions) {
			const { forbund, ...values } = region;
			await trx
				.insertInto('region')
				.values(values)
				.onConflict((oc) => oc.column('slug').doNothing())
				.execute();
			const { id: regionId } = await trx
				.selectFrom('region')
				.select('id')
				.where('slug', '=', region.slug)
				.executeTakeFirstOrThrow();
			for (const f of forbund) {
				await trx
					.insertInto('forbund')
					.values({
						region_id: regionId,
						slug: f.slug,
						name: f.name,
						short_name: f.shortName,
						description: f.description,
						municipalities: f.municipalities,
						authorities: f.authorities
					})
					.onConflict((oc) => oc.column('slug').doNothing())
					.execute();
			}
		}
	});
}

/**
 * The demo people, news and content pages, in one transaction, once: does nothing when any person exists. Every
 * förbund the news names must exist (seedDemoOrganisations, then the sites' registration).
 */
export async function seedDemoContent(
	db: Kysely<Database>,
	{ passwordHash }: { passwordHash: string }
): Promise<boolean> {
	refuseInProduction();
	return db.transaction().execute(async (trx) => {
		if (await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst()) return false;

		const regionIds = new Map(
			(await trx.selectFrom('region').select(['slug', 'id']).execute()).map((r) => [r.slug, r.id])
		);
		const forbundIds = new Map(
			(await trx.selectFrom('forbund').select(['slug', 'id', 'region_id']).execute()).map((f) => [
				f.slug,
				{ id: f.id, regionId: f.region_id }
			])
		);

		const userIds = new Map<string, number>();
		for (const account of demoAccounts) {
			const { id } = await trx
				.insertInto('app_user')
				.values({ email: account.email, name: account.name, password_hash: passwordHash })
				.returning('id')
				.executeTakeFirstOrThrow();
			userIds.set(account.email, id);
			for (const r of account.roles) {
				await trx
					.insertInto('membership')
					.values({
						user_id: id,
						role: r.role,
						forbund_id: r.forbund ? mustGet(forbundIds, r.forbund).id : null,
						region_id: r.region ? mustGet(regionIds, r.region) : null,
						board_role: r.boardRole ?? null
					})
					.execute();
			}
		}

		const author = (forbund: string | null) =>
			userIds.get(forbund ? `redaktor.${forbund}@demo.regionportalen.se` : 'samordnare@demo.regionportalen.se') ?? null;
		for (const item of demoNews) {
			const owner = item.forbund ? mustGet(forbundIds, item.forbund) : null;
			await trx
				.insertInto('news')
				.values({
					region_id: owner?.regionId ?? mustGet(regionIds, item.region),
					forbund_id: owner?.id ?? null,
					slug: item.slug,
					title: item.title,
					lead: item.lead,
					body: item.body,
					status: item.status ?? 'published',
					shared_with_region: item.sharedWithRegion ?? false,
					published_at: item.status === 'draft' ? null : item.publishedAt,
					author_id: author(item.forbund),
					updated_by: author(item.forbund)
				})
				.execute();
		}

		await seedDemoPages(trx, author);
		await insertDemoInsatser(trx, { forbundIds, author });
		await insertDemoProjects(trx, { forbundIds, author });
		await insertDemoAsf(trx, { regionIds, author: userIds.get('asf.stockholm@demo.regionportalen.se') ?? null });
		await insertDemoAsfRequests(trx, {
			forbundId: mustGet(forbundIds, 'sus').id,
			requester: userIds.get('insats.sus@demo.regionportalen.se') ?? null,
			coordinator: userIds.get('asf.stockholm@demo.regionportalen.se') ?? null
		});
		await insertDemoAsfAgreements(trx, {
			forbundIds,
			author: userIds.get('asf.stockholm@demo.regionportalen.se') ?? null
		});

		const coordinator = userIds.get('samordnare@demo.regionportalen.se') ?? null;
		for (const meeting of demoMeetings)
			await insertDemoMeeting(trx, meeting, { regionIds, forbundIds, userIds, coordinator });
		await insertDemoStatements(trx, { forbundIds, userIds });
		return true;
	});
}

/**
 * One demo meeting, taken through the workflow as the coordinator would: a draft with its rows, then
 * approved and published (the database freezes a revision's rows once it is approved).
 */
async function insertDemoMeeting(
	trx: Kysely<Database>,
	m: DemoMeeting,
	ids: {
		regionIds: Map<string, number>;
		forbundIds: Map<string, { id: number }>;
		userIds: Map<string, number>;
		coordinator: number | null;
	}
) {
	const regionId = mustGet(ids.regionIds, m.region);
	const forbund = (slug: string | null | undefined) => (slug ? mustGet(ids.forbundIds, slug).id : null);
	const { id: meetingId } = await trx
		.insertInto('meeting')
		.values({ region_id: regionId, created_by: ids.coordinator })
		.returning('id')
		.executeTakeFirstOrThrow();
	const documentText = [
		...m.items.flatMap((i) => [i.heading, i.presenter ?? '', i.body]),
		...m.actions.map((a) => a.text)
	];
	const { id: minutesId } = await trx
		.insertInto('meeting_minutes')
		.values({
			meeting_id: meetingId,
			region_id: regionId,
			number: 1,
			title: m.title,
			starts_at: m.startsAt,
			ends_at: m.endsAt,
			place: m.place,
			host_forbund_id: forbund(m.host),
			next_host_forbund_id: forbund(m.next?.host),
			next_starts_at: m.next?.startsAt ?? null,
			next_ends_at: m.next?.endsAt ?? null,
			next_place: m.next?.place ?? '',
			search_document: [m.place, ...documentText].filter(Boolean).join('\n\n'),
			created_by: ids.coordinator,
			updated_by: ids.coordinator,
			updated_at: m.startsAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('minutes_attendee')
		.values(
			m.attendees.map((a, i) => ({
				minutes_id: minutesId,
				position: i + 1,
				name: a.name,
				forbund_id: forbund(a.forbund),
				role: a.role,
				title: a.title ?? '',
				user_id: a.account ? (ids.userIds.get(a.account) ?? null) : null
			}))
		)
		.execute();
	await trx
		.insertInto('minutes_item')
		.values(
			m.items.map((item, i) => ({
				minutes_id: minutesId,
				position: i + 1,
				kind: item.kind,
				forbund_id: forbund(item.forbund),
				heading: item.heading,
				presenter: item.presenter ?? '',
				body: item.body
			}))
		)
		.execute();
	await trx
		.insertInto('minutes_action')
		.values(
			m.actions.map((a, i) => ({
				minutes_id: minutesId,
				position: i + 1,
				kind: a.kind,
				text: a.text,
				responsible: a.responsible ?? '',
				due_date: a.due ?? null
			}))
		)
		.execute();
	if (m.state === 'draft') return;
	const approvedAt = new Date(new Date(m.startsAt).getTime() + 7 * 86_400_000);
	await trx
		.updateTable('meeting_minutes')
		.set({ status: 'approved', adjusters: m.adjusters, approved_by: ids.coordinator, approved_at: approvedAt })
		.where('id', '=', minutesId)
		.execute();
	if (m.state === 'approved') return;
	await trx
		.updateTable('meeting_minutes')
		.set({ status: 'published', published_by: ids.coordinator, published_at: approvedAt })
		.where('id', '=', minutesId)
		.execute();
	await trx
		.updateTable('meeting')
		.set({ published_number: 1, public: m.state === 'public' })
		.where('id', '=', meetingId)
		.execute();
}

/**
 * Gives the demo accounts that have a TOTP key their key, sealed by the caller (the database package
 * does not hold the servers' sealing key). Only where none is set, so it is safe at every start and
 * also reaches a demo database made before two-factor authentication existed.
 */
export async function seedDemoTwoFactor(db: Kysely<Database>, seal: (base32Key: string) => Buffer): Promise<number> {
	refuseInProduction();
	let count = 0;
	for (const account of demoAccounts) {
		if (!account.totpSecret) continue;
		const result = await db
			.updateTable('app_user')
			.set({ totp_secret: seal(account.totpSecret), totp_enabled_at: new Date() })
			.where('email', '=', account.email)
			.where('totp_secret', 'is', null)
			.executeTakeFirst();
		count += Number(result.numUpdatedRows);
	}
	return count;
}

function mustGet<K, V>(map: Map<K, V>, key: K): V {
	const value = map.get(key);
	if (value === undefined) throw new Error(`Demo data refers to unknown ${String(key)}`);
	return value;
}
