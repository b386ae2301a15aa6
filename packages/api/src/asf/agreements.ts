import { sql, type Kysely, type Transaction } from 'kysely';
import {
	ASF_AGREEMENT_WATCH_DAYS,
	ASF_RESERVED_MIN_SHARE,
	type AsfAgreementForm,
	type AsfBuyerKind,
	type AsfPlaceKind,
	type Database
} from '@regionportalen/db';
import type { AgreementFields } from './agreements-schemas.ts';

// The agreements' queries and writes, each in the caller's transaction. Row-level security decides
// what the caller reads (the internal part is the region's ASF staff's); these add what the pages
// need on top: the buyer's name, the places, the warnings of reserved procurement and direct award,
// who buys what per year, and the funded places left unused.

type Q = Kysely<Database> | Transaction<Database>;

const publicColumnsOf = (f: AgreementFields) => ({
	enterprise_id: f.enterpriseId,
	title: f.title,
	buyer_kind: f.buyerKind,
	buyer_forbund_id: f.buyerForbundId,
	buyer_project_id: f.buyerProjectId,
	buyer_municipality: f.buyerMunicipality,
	form: f.form,
	starts_on: f.startsOn,
	ends_on: f.endsOn,
	extension: f.extension,
	status: f.status,
	insats_id: f.insatsId,
	project_id: f.projectId
});

const internalColumnsOf = (f: AgreementFields) => ({
	value_sek: f.valueSek,
	price_per_day_sek: f.pricePerDaySek,
	diarienummer: f.diarienummer,
	notes: f.notes
});

const valueOf = (v: string | number | null) => (v === null ? null : Number(v));

export async function insertAgreement(db: Q, regionId: number, userId: number, f: AgreementFields) {
	const row = await db
		.insertInto('asf_agreement')
		.values({ ...publicColumnsOf(f), region_id: regionId, created_by: userId, updated_by: userId })
		.returningAll()
		.executeTakeFirstOrThrow();
	await db
		.insertInto('asf_agreement_internal')
		.values({ agreement_id: row.id, ...internalColumnsOf(f) })
		.execute();
	return row;
}

/** Saves the version the caller read; undefined when someone saved in between (or RLS hides it). */
export async function updateAgreement(db: Q, id: number, version: number, userId: number, f: AgreementFields) {
	const row = await db
		.updateTable('asf_agreement')
		.set({ ...publicColumnsOf(f), updated_by: userId, updated_at: new Date(), version: sql`version + 1` })
		.where('id', '=', id)
		.where('version', '=', version)
		.returningAll()
		.executeTakeFirst();
	if (!row) return undefined;
	await db
		.insertInto('asf_agreement_internal')
		.values({ agreement_id: id, ...internalColumnsOf(f) })
		.onConflict((oc) => oc.column('agreement_id').doUpdateSet(internalColumnsOf(f)))
		.execute();
	return row;
}

export async function setAgreementPlaces(db: Q, id: number, places: { kind: AsfPlaceKind; places: number }[]) {
	await db.deleteFrom('asf_agreement_place').where('agreement_id', '=', id).execute();
	if (places.length) {
		await db
			.insertInto('asf_agreement_place')
			.values(places.map((p) => ({ agreement_id: id, kind: p.kind, places: p.places })))
			.execute();
	}
}

export function findAgreement(db: Q, id: number) {
	return db.selectFrom('asf_agreement').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The agreements with their enterprise's and buyer's names; `internal` adds the staff's part. */
function agreementsQuery(db: Q) {
	return db
		.selectFrom('asf_agreement as a')
		.innerJoin('asf_enterprise as e', 'e.id', 'a.enterprise_id')
		.leftJoin('forbund as f', 'f.id', 'a.buyer_forbund_id')
		.leftJoin('project as bp', 'bp.id', 'a.buyer_project_id')
		.select([
			'a.id',
			'a.region_id',
			'a.enterprise_id',
			'e.name as enterprise_name',
			'e.slug as enterprise_slug',
			'a.title',
			'a.buyer_kind',
			'a.buyer_forbund_id',
			'a.buyer_project_id',
			'a.buyer_municipality',
			'f.name as buyer_forbund_name',
			'bp.name as buyer_project_name',
			'a.form',
			'a.starts_on',
			'a.ends_on',
			'a.extension',
			'a.status',
			'a.insats_id',
			'a.project_id',
			'a.version',
			'a.updated_at'
		]);
}

export interface BuyerParts {
	buyer_kind: AsfBuyerKind;
	buyer_municipality: string | null;
	buyer_forbund_name: string | null;
	buyer_project_name: string | null;
}

/** The buyer as a person reads it. */
export function buyerName(a: BuyerParts): string {
	switch (a.buyer_kind) {
		case 'forbund':
			return a.buyer_forbund_name ?? 'Ett samordningsförbund';
		case 'kommun':
			return `${a.buyer_municipality ?? ''} kommun`.trim();
		case 'projekt':
			return a.buyer_project_name ?? 'Ett projekt';
		case 'arbetsformedlingen':
			return 'Arbetsförmedlingen';
	}
}

async function placesByAgreement(db: Q, ids: number[]) {
	const map = new Map<number, { kind: AsfPlaceKind; places: number }[]>();
	if (!ids.length) return map;
	const rows = await db
		.selectFrom('asf_agreement_place')
		.select(['agreement_id', 'kind', 'places'])
		.where('agreement_id', 'in', ids)
		.orderBy('kind')
		.execute();
	for (const r of rows)
		map.set(r.agreement_id, [...(map.get(r.agreement_id) ?? []), { kind: r.kind, places: r.places }]);
	return map;
}

async function internalsByAgreement(db: Q, ids: number[]) {
	if (!ids.length) return new Map<number, Internal>();
	const rows = await db.selectFrom('asf_agreement_internal').selectAll().where('agreement_id', 'in', ids).execute();
	return new Map(rows.map((r) => [r.agreement_id, internalOf(r)]));
}

export interface Internal {
	value_sek: number | null;
	price_per_day_sek: number | null;
	diarienummer: string;
	notes: string;
}
const internalOf = (r: {
	value_sek: string | null;
	price_per_day_sek: number | null;
	diarienummer: string;
	notes: string;
}): Internal => ({
	value_sek: valueOf(r.value_sek),
	price_per_day_sek: r.price_per_day_sek,
	diarienummer: r.diarienummer,
	notes: r.notes
});

/**
 * The region's agreements for the register, latest start first, with their places; `withInternal`
 * (the staff) adds value, price, diarienummer and notes. Row-level security drops the internal
 * part anyway for anyone else.
 */
export async function agreementsOf(db: Q, regionId: number, { withInternal }: { withInternal: boolean }) {
	const rows = await agreementsQuery(db)
		.where('a.region_id', '=', regionId)
		.orderBy('a.starts_on', 'desc')
		.orderBy('a.id', 'desc')
		.execute();
	const ids = rows.map((r) => r.id);
	const [places, internals] = await Promise.all([
		placesByAgreement(db, ids),
		withInternal ? internalsByAgreement(db, ids) : Promise.resolve(new Map<number, Internal>())
	]);
	return rows.map((r) => ({
		...r,
		buyer_name: buyerName(r),
		places: places.get(r.id) ?? [],
		internal: withInternal ? (internals.get(r.id) ?? null) : null
	}));
}

/** One agreement with its places, documents and (for the staff) internal part. */
export async function agreementDetail(db: Q, id: number, { withInternal }: { withInternal: boolean }) {
	const row = await agreementsQuery(db).where('a.id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	const [places, internals, documents] = await Promise.all([
		placesByAgreement(db, [id]),
		withInternal ? internalsByAgreement(db, [id]) : Promise.resolve(new Map<number, Internal>()),
		withInternal
			? db
					.selectFrom('asf_agreement_document as ad')
					.innerJoin('document as d', 'd.id', 'ad.document_id')
					.select(['d.id', 'd.title', 'd.document_date', 'd.filename', 'd.diarienummer'])
					.where('ad.agreement_id', '=', id)
					.orderBy('d.document_date', 'desc')
					.execute()
			: Promise.resolve([])
	]);
	return {
		...row,
		buyer_name: buyerName(row),
		places: places.get(id) ?? [],
		internal: withInternal ? (internals.get(id) ?? null) : null,
		documents
	};
}

/** An active enterprise's agreements as anyone may see them: buyer, form, period, kinds of places. */
export async function publicAgreementsOf(db: Q, enterpriseId: number) {
	const rows = await agreementsQuery(db)
		.where('a.enterprise_id', '=', enterpriseId)
		.where('a.status', '<>', 'utkast')
		.where('e.active', '=', true)
		.orderBy('a.starts_on', 'desc')
		.execute();
	const places = await placesByAgreement(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		buyer: buyerName(r),
		form: r.form,
		starts_on: r.starts_on,
		ends_on: r.ends_on,
		status: r.status,
		kinds: (places.get(r.id) ?? []).map((p) => p.kind)
	}));
}

/** The direct award threshold in force on a date, or null before the first one recorded. */
export async function directAwardThreshold(db: Q, on: string): Promise<number | null> {
	const row = await db
		.selectFrom('asf_direct_award_threshold')
		.select('amount_sek')
		.where('valid_from', '<=', on)
		.orderBy('valid_from', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.amount_sek ?? null;
}

const kr = (n: number) => `${new Intl.NumberFormat('sv-SE').format(n)} kr`;

/**
 * What the coordinator should look at again, never a refusal: a reserved procurement of an
 * enterprise whose latest staffing figure has under 30 % from the target groups (or none at all),
 * and a direct award worth more than the threshold in force on its start date.
 */
export async function agreementWarnings(
	db: Q,
	a: { enterprise_id: number; form: AsfAgreementForm; starts_on: string; value_sek: number | null }
): Promise<string[]> {
	const warnings: string[] = [];
	if (a.form === 'reserverad') {
		const latest = await db
			.selectFrom('asf_staffing')
			.select(['year', 'employees', 'from_target_groups'])
			.where('enterprise_id', '=', a.enterprise_id)
			.orderBy('year', 'desc')
			.limit(1)
			.executeTakeFirst();
		if (!latest || latest.employees === 0) {
			warnings.push(
				'Reserverad upphandling kräver att minst 30 % av de anställda kommer från målgrupperna, men företaget har inga uppgifter om sina anställda i registret.'
			);
		} else if (latest.from_target_groups / latest.employees < ASF_RESERVED_MIN_SHARE) {
			const share = Math.round((100 * latest.from_target_groups) / latest.employees);
			warnings.push(
				`Reserverad upphandling kräver att minst 30 % av de anställda kommer från målgrupperna. Företaget hade ${share} % år ${latest.year}.`
			);
		}
	}
	if (a.form === 'direktupphandling' && a.value_sek !== null) {
		const threshold = await directAwardThreshold(db, a.starts_on);
		if (threshold !== null && a.value_sek > threshold) {
			warnings.push(
				`Värdet ${kr(a.value_sek)} är över direktupphandlingsgränsen ${kr(threshold)} som gällde ${a.starts_on}. Kontrollera att direktupphandling var tillåten.`
			);
		}
	}
	return warnings;
}

/** The region's active agreements ending within the watch's widest threshold, soonest first. */
export async function agreementsEnding(db: Q, regionId: number, today: string) {
	const widest = Math.max(...ASF_AGREEMENT_WATCH_DAYS);
	const rows = await agreementsQuery(db)
		.where('a.region_id', '=', regionId)
		.where('a.status', '=', 'aktivt')
		.where('a.ends_on', '>=', today)
		.where('a.ends_on', '<=', sql<string>`${today}::date + ${widest}::integer`)
		.orderBy('a.ends_on')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		enterprise_name: r.enterprise_name,
		buyer: buyerName(r),
		ends_on: r.ends_on,
		days_left: Math.round((Date.parse(r.ends_on) - Date.parse(today)) / 86_400_000)
	}));
}

export interface WhoBuysWhatRow {
	year: number;
	buyer: string;
	buyer_kind: AsfBuyerKind;
	enterprise_id: number;
	enterprise_name: string;
	agreements: number;
	places: number;
	/** The agreements' value spread over their days: the part falling in this year, in kronor. */
	value_sek: number | null;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Who buys what from whom: per year, buyer and enterprise, the places of the agreements in force
 * some day of that year, and their value, each agreement's value spread evenly over its days (an
 * agreement of 2025-07-01 to 2026-06-30 counts half in each year). Drafts do not count. The staff's
 * figures: the value comes from the internal part.
 */
export async function whoBuysWhat(db: Q, regionId: number, year?: number) {
	const rows = (await agreementsOf(db, regionId, { withInternal: true })).filter((a) => a.status !== 'utkast');
	const cells = new Map<string, WhoBuysWhatRow>();
	const years = new Set<number>();
	for (const a of rows) {
		const first = Number(a.starts_on.slice(0, 4));
		const last = Number(a.ends_on.slice(0, 4));
		const start = dayNumber(a.starts_on);
		const end = dayNumber(a.ends_on) + 1;
		const value = a.internal?.value_sek ?? null;
		const places = a.places.reduce((n, p) => n + p.places, 0);
		for (let y = first; y <= last; y++) {
			years.add(y);
			if (year !== undefined && y !== year) continue;
			const from = Math.max(start, dayNumber(`${y}-01-01`));
			const to = Math.min(end, dayNumber(`${y + 1}-01-01`));
			const buyer = buyerName(a);
			const key = `${y}\u0000${a.buyer_kind}\u0000${buyer}\u0000${a.enterprise_id}`;
			const cell = cells.get(key) ?? {
				year: y,
				buyer,
				buyer_kind: a.buyer_kind,
				enterprise_id: a.enterprise_id,
				enterprise_name: a.enterprise_name,
				agreements: 0,
				places: 0,
				value_sek: null
			};
			cell.agreements++;
			cell.places += places;
			if (value !== null) cell.value_sek = (cell.value_sek ?? 0) + Math.round((value * (to - from)) / (end - start));
			cells.set(key, cell);
		}
	}
	const collator = new Intl.Collator('sv');
	const items = [...cells.values()].sort(
		(x, y) =>
			y.year - x.year || collator.compare(x.buyer, y.buyer) || collator.compare(x.enterprise_name, y.enterprise_name)
	);
	return { items, years: [...years].sort((a, b) => b - a) };
}

/** The header and rows of who-buys-what's CSV (the site-kit writes the file with the shared helper). */
export function whoBuysWhatTable(items: WhoBuysWhatRow[]): (string | number | null)[][] {
	return [
		['År', 'Köpare', 'Socialt företag', 'Avtal', 'Platser', 'Värde (kr)'],
		...items.map((r) => [r.year, r.buyer, r.enterprise_name, r.agreements, r.places, r.value_sek])
	];
}

export interface UnusedFundedPlace {
	agreement_id: number;
	agreement_title: string;
	enterprise_id: number;
	enterprise_name: string;
	enterprise_slug: string;
	kind: AsfPlaceKind;
	/** The places the agreement funds of that kind. */
	funded_places: number;
	/** The enterprise's free places of that kind now. */
	free_places: number;
	free_as_of: Date;
}

/**
 * Funded places left unused for 30 days: the places of an active agreement (running 30 days or more)
 * at an enterprise whose free count of that kind, by its dated reports, stayed above zero through the
 * last 30 days. For the region's ASF staff (the database function answers nothing to anyone else).
 */
export async function unusedFundedPlaces(db: Q, regionId: number, at: Date = new Date()): Promise<UnusedFundedPlace[]> {
	const { rows } = await sql<UnusedFundedPlace>`select * from asf_unused_funded_places(${regionId}, ${at})`.execute(db);
	return rows;
}
