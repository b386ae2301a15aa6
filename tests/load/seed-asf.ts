// The ASF register's share of the data set, set-based as the rest: `count` social enterprises over
// every region, a third of them in Stockholm serving one or two of SUS's municipalities (so SUS's
// directory has many), each with a workplace, one to three kinds of places (some free, some full)
// and a staffing figure; every 15th inactive. On a database that holds them already it does nothing.

import pg from 'pg';

export interface AsfSeedReport {
	skipped: boolean;
	ms: number;
	enterprises: number;
	susEnterprises: number;
}

const SEEDED = `e.slug like 'asf-%'`;
const LINES = `array['kafe_restaurang', 'catering', 'stad_lokalvard', 'fastighetsskotsel', 'tradgard_gronyta',
	'second_hand', 'redesign_textil', 'snickeri_hantverk', 'tryck_reklam', 'cykel_fordon']`;
const KINDS = `array['arbetstraning', 'forstarkt_arbetstraning', 'praktik', 'forrehabilitering']`;

/** A valid organisation number for g: 552 and six digits of g, then the Luhn check digit. */
const ORG_NUMBER = `(select substr(d, 1, 6) || '-' || substr(d, 7, 3) || c from (
	select d, (select c::text from generate_series(0, 9) as c where asf_org_number_valid(
		substr(d, 1, 6) || '-' || substr(d, 7, 3) || c::text) limit 1) as c
	from (select '552' || lpad(o.g::text, 6, '0') as d) x) y)`;

const STEPS = [
	`insert into asf_enterprise (region_id, slug, name, org_number, legal_form, business_lines, municipalities, criteria,
		skoopi_member, certified_on, target_groups, follow_up, contacts, summary, description, description_html, active)
	select o.region_id, 'asf-' || o.g,
		(array['Verkstan', 'Kooperativet', 'Gården', 'Ateljén', 'Butiken', 'Köket'])[1 + o.g % 6] || ' ' || o.g,
		${ORG_NUMBER},
		(array['ekonomisk_forening', 'aktiebolag_svb', 'ideell_forening', 'stiftelse'])[1 + o.g % 4],
		array[(${LINES})[1 + o.g % 10], (${LINES})[1 + (o.g / 10) % 10]],
		o.municipalities,
		'{"syfte": {"met": true, "note": ""}, "delaktighet": {"met": true, "note": ""}, "aterinvestering": {"met": true, "note": ""}, "oberoende": {"met": true, "note": ""}}',
		o.g % 2 = 0, case when o.g % 3 = 0 then current_date - (o.g % 900) end,
		array[(array['unga', 'langtidsarbetslosa', 'psykisk_ohalsa', 'nyanlanda'])[1 + o.g % 4]],
		array['narvarorapport', 'arbetsformagebedomning'],
		jsonb_build_array(jsonb_build_object('role', 'verksamhetsansvarig', 'name', 'Kontakt ' || o.g, 'email', '', 'phone', '')),
		'Ett arbetsintegrerande socialt företag med arbetsträning i en riktig verksamhet.',
		'Företaget säljer varor och tjänster och tar emot deltagare för arbetsträning och praktik.',
		'<p>Företaget säljer varor och tjänster och tar emot deltagare för arbetsträning och praktik.</p>',
		o.g % 15 <> 0
	from (
		select g, f.region_id, case when g % 3 = 0
			then array[f.municipalities[1 + (g / 3) % 3], f.municipalities[1 + (g / 3 + 1) % 3]]
			else f.municipalities[1:1] end as municipalities
		from generate_series(1, $1::int) as g
		join lateral (select f.region_id, f.municipalities from forbund f
			where case when g % 3 = 0 then f.slug = 'sus' else f.slug <> 'sus' end
			order by f.id offset case when g % 3 = 0 then 0 else g % (select count(*) - 1 from forbund) end limit 1) f on true
	) o`,
	`insert into asf_workplace (enterprise_id, name, street, postal_code, city, municipality, position)
	select e.id, 'Verksamheten', 'Gatan ' || e.id, '123 45', e.municipalities[1], e.municipalities[1], 0
	from asf_enterprise e where ${SEEDED} and cardinality(e.municipalities) > 0`,
	`insert into asf_place (enterprise_id, kind, max_places, free_places, free_as_of)
	select e.id, (${KINDS})[k], 2 + (e.id + k) % 6, (e.id + k) % 3, now() - ((e.id + k) % 50) * interval '1 day'
	from asf_enterprise e cross join generate_series(1, 3) as k where ${SEEDED} and k <= 1 + e.id % 3`,
	`insert into asf_staffing (enterprise_id, year, employees, from_target_groups)
	select e.id, 2025, 5 + e.id % 20, 2 + e.id % 5 from asf_enterprise e where ${SEEDED}`
];

/** Seeds the enterprises (`count` in all, every third serving SUS's municipalities). */
export async function seedAsf(
	ownerUrl: string,
	{ count = 600, log = () => undefined }: { count?: number; log?: (line: string) => void } = {}
): Promise<AsfSeedReport> {
	const client = new pg.Client({ connectionString: ownerUrl });
	client.on('error', () => undefined);
	await client.connect();
	const started = performance.now();
	try {
		const { rows: existing } = await client.query(`select count(*)::int as n from asf_enterprise e where ${SEEDED}`);
		const skipped = (existing[0].n as number) > 0;
		if (skipped) {
			log(`The data set already holds ${existing[0].n} social enterprises: not seeding again.`);
		} else {
			await client.query('begin');
			for (const [i, step] of STEPS.entries()) await client.query(step, i === 0 ? [count] : []);
			await client.query('commit');
			await client.query('vacuum (analyze) asf_enterprise, asf_workplace, asf_place, asf_staffing');
		}
		const { rows } = await client.query(
			`select (select count(*)::int from asf_enterprise e where ${SEEDED}) as enterprises,
				(select count(*)::int from asf_enterprise e, forbund s where ${SEEDED} and s.slug = 'sus'
					and e.municipalities && s.municipalities and e.active) as "susEnterprises"`
		);
		return { skipped, ms: performance.now() - started, ...(rows[0] as Omit<AsfSeedReport, 'skipped' | 'ms'>) };
	} catch (error) {
		await client.query('rollback').catch(() => undefined);
		throw error;
	} finally {
		await client.end();
	}
}
