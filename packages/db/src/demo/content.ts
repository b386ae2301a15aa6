import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

// Demo content pages, written from each förbund's registered facts (name, municipalities, member
// authorities, contact), in our own words: "Om förbundet" with "Styrelse och kansli" and "Kontakt"
// under it for every förbund, SUS's own text (its former hand-written /om-forbundet page) for SUS,
// and "Om samverkan" for each region on the hub. The people named on SUS's pages are invented.
// Bodies are Markdown; the servers render them after loading (renderStoredBodies).

export interface DemoPage {
	slug: string;
	title: string;
	lead: string;
	body: string;
	children?: DemoPage[];
}

export interface ForbundFacts {
	slug: string;
	name: string;
	short_name: string;
	municipalities: string[];
	authorities: string[];
	contact_email: string | null;
	contact_phone: string | null;
}

/** "A, B och C". */
const list = (items: string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
/** A municipality as a member: "Sollentuna kommun"; Stockholm is a city (Stockholms stad). */
const kommun = (name: string) =>
	name === 'Stockholm' ? 'Stockholms stad' : / (stad|kommun)$/.test(name) ? name : `${name} kommun`;

/** The members of a förbund: each municipality, then the other authorities. */
const members = (f: ForbundFacts) => [...f.municipalities.map(kommun), ...f.authorities];

function contactLines(f: ForbundFacts) {
	return [
		f.contact_email ? `- E-post: [${f.contact_email}](mailto:${f.contact_email})` : null,
		f.contact_phone ? `- Telefon: ${f.contact_phone}` : null
	].filter(Boolean) as string[];
}

const about = (f: ForbundFacts): Pick<DemoPage, 'lead' | 'body'> => ({
	lead: `${f.name} gör det lättare för invånare i ${list(f.municipalities)} som behöver stöd från flera myndigheter samtidigt att komma närmare arbete eller studier.`,
	body: [
		'## Vad förbundet gör',
		'Den som länge har stått utanför arbetsmarknaden har ofta kontakt med flera myndigheter på en gång: kommunen, vården, Försäkringskassan och Arbetsförmedlingen. Förbundet finansierar insatser där de arbetar tillsammans kring personen, i stället för var för sig, så att stödet hänger ihop.',
		'Insatserna följs upp och utvärderas. Det som fungerar ska kunna bli en del av medlemmarnas ordinarie arbete.',
		'## Medlemmar och finansiering',
		`Förbundet har ${members(f).length} medlemmar: ${list(members(f))}. De finansierar arbetet gemensamt enligt lagen om finansiell samordning av rehabiliteringsinsatser (Finsam). Staten, genom Försäkringskassan och Arbetsförmedlingen, står för hälften av medlen, regionen för en fjärdedel och kommunerna tillsammans för den sista fjärdedelen.`
	].join('\n\n')
});

const board = (f: ForbundFacts): DemoPage => ({
	slug: 'styrelse-och-kansli',
	title: 'Styrelse och kansli',
	lead: 'Vem som beslutar om förbundets arbete, och vilka som sköter det till vardags.',
	body: [
		'## Styrelse',
		`Varje medlem utser en ledamot och en ersättare till styrelsen: ${list(members(f))}. Styrelsen beslutar om förbundets mål och budget och om vilka insatser som ska finansieras, och ansvarar för att de följs upp.`,
		'## Kansli',
		'Kansliet leds av förbundschefen. Det bereder styrelsens ärenden, stöttar insatserna, följer upp ekonomin och berättar om förbundets arbete.'
	].join('\n\n')
});

const contact = (f: ForbundFacts): DemoPage => ({
	slug: 'kontakt',
	title: 'Kontakt',
	lead: `Så når du ${f.short_name}.`,
	body: [
		'Har du frågor om förbundet eller om en insats är du välkommen att höra av dig till kansliet.',
		contactLines(f).join('\n'),
		'Är du invånare och vill veta vilket stöd som finns för dig? Kontakta din handläggare hos kommunen, Försäkringskassan eller Arbetsförmedlingen; de vet vilka insatser förbundet finansierar.'
	]
		.filter(Boolean)
		.join('\n\n')
});

/** SUS's board and office, as its site showed them before pages were data. Every person is invented. */
function susBoard(): DemoPage {
	const domain = 'sus.demo.regionportalen.se';
	const seats = [
		['Sollentuna kommun', 'Erik Sundin, ordförande', 'Jonas Wikström'],
		['Region Stockholm', 'Annika Strand, vice ordförande', 'Birgitta Ståhl'],
		['Upplands Väsby kommun', 'Mats Holmberg', 'Maria Engström'],
		['Sigtuna kommun', 'Helena Forsberg', 'Amir Haddad'],
		['Försäkringskassan', 'Peter Lundqvist', 'Camilla Öberg'],
		['Arbetsförmedlingen', 'Eva Sjöberg', 'Daniel Hedlund']
	];
	const office = [
		['Karin Ek', 'Förbundschef', 'karin.ek'],
		['Anders Nyström', 'Processledare', 'anders.nystrom'],
		['Lena Björk', 'Ekonom och administratör', 'lena.bjork'],
		['Sara Lind', 'Kommunikatör och redaktör för webbplatsen', 'sara.lind']
	];
	return {
		slug: 'styrelse-och-kansli',
		title: 'Styrelse och kansli',
		lead: 'Styrelsens ledamöter och ersättare, och kansliet som sköter det dagliga arbetet.',
		body: [
			'## Styrelse',
			'Förbundet leds av en styrelse där varje medlem utser en ledamot och en ersättare. Styrelsen beslutar om förbundets mål och budget och om vilka insatser som ska finansieras, och den ansvarar för att insatserna följs upp. Vill du kontakta styrelsen går det bra att skriva till kansliet.',
			['| Medlem | Ledamot | Ersättare |', '| --- | --- | --- |', ...seats.map((s) => `| ${s.join(' | ')} |`)].join(
				'\n'
			),
			'## Kansli',
			`Kansliet bereder styrelsens ärenden, stöttar insatserna, följer upp ekonomin och berättar om förbundets arbete. Du når kansliet på [kansli@${domain}](mailto:kansli@${domain}) eller på telefon 08-123 456 70.`,
			office
				.map(([name, title, mail]) => `- **${name}**, ${title}: [${mail}@${domain}](mailto:${mail}@${domain})`)
				.join('\n')
		].join('\n\n')
	};
}

const SUS_ABOUT: Pick<DemoPage, 'lead' | 'body'> = {
	lead: 'Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna (SUS) gör det lättare för invånare som behöver stöd från flera myndigheter samtidigt att komma vidare mot arbete eller studier.',
	body: [
		'## Vad förbundet gör',
		'Den som har varit sjukskriven länge, har en funktionsnedsättning eller av andra skäl står långt från arbetsmarknaden har ofta kontakt med både kommunen, vården, Försäkringskassan och Arbetsförmedlingen. Förbundet finansierar insatser där de här aktörerna arbetar tillsammans kring personen, i stället för var för sig, så att stödet hänger ihop.',
		'Genom förbundet kan medlemmarna pröva nya arbetssätt tillsammans. Insatserna följs upp och utvärderas, och det som fungerar ska kunna bli en del av medlemmarnas ordinarie verksamhet.',
		'## Medlemmar och finansiering',
		'Förbundet har sex medlemmar: Sollentuna kommun, Upplands Väsby kommun, Sigtuna kommun, Region Stockholm, Försäkringskassan och Arbetsförmedlingen. De finansierar arbetet gemensamt enligt lagen om finansiell samordning av rehabiliteringsinsatser (Finsam), som trädde i kraft 2004. Försäkringskassan och Arbetsförmedlingen bidrar tillsammans med hälften av medlen, Region Stockholm med en fjärdedel och de tre kommunerna med den sista fjärdedelen.'
	].join('\n\n')
};

/** A förbund's demo pages: one tree under "Om förbundet". */
export function demoPagesFor(f: ForbundFacts): DemoPage {
	const sus = f.slug === 'sus';
	return {
		slug: 'om-forbundet',
		title: 'Om förbundet',
		...(sus ? SUS_ABOUT : about(f)),
		children: [sus ? susBoard() : board(f), contact(f)]
	};
}

/** A region's demo page on the hub. */
export function demoRegionPage(region: { name: string }, forbund: { name: string }[]): DemoPage {
	return {
		slug: 'om-samverkan',
		title: 'Om samverkan',
		lead: `Hur samordningsförbunden i ${region.name} arbetar tillsammans.`,
		body: [
			`I ${region.name} finns ${forbund.length} samordningsförbund. Var och en finansierar insatser för invånarna i sina kommuner, och tillsammans delar de erfarenheter, driver gemensamma projekt och möts i ett gemensamt presidium.`,
			forbund.map((f) => `- ${f.name}`).join('\n')
		].join('\n\n')
	};
}

/**
 * Inserts `page` and its children as published pages of an owner, in order. The caller's
 * transaction; the author is the owner's demo editor.
 */
export async function insertDemoPage(
	trx: Kysely<Database>,
	owner: { region_id: number; forbund_id: number | null },
	page: DemoPage,
	author: number | null,
	parentId: number | null = null,
	position = 0
): Promise<void> {
	const { id } = await trx
		.insertInto('content_page')
		.values({
			...owner,
			parent_id: parentId,
			slug: page.slug,
			title: page.title,
			lead: page.lead,
			body: page.body,
			status: 'published',
			published_at: new Date('2024-01-15T09:00:00+01:00'),
			position,
			author_id: author,
			updated_by: author
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('content_page_revision')
		.values({
			page_id: id,
			version: 1,
			title: page.title,
			slug: page.slug,
			parent_id: parentId,
			position,
			lead: page.lead,
			body: page.body,
			image_key: null,
			image_alt: '',
			image_caption: '',
			saved_by: author
		})
		.execute();
	for (const [i, child] of (page.children ?? []).entries()) {
		await insertDemoPage(trx, owner, child, author, id, i + 1);
	}
}

/** Every förbund's pages and every region's, in the demo loader's transaction. */
export async function seedDemoPages(trx: Kysely<Database>, author: (forbund: string | null) => number | null) {
	const forbund = await trx
		.selectFrom('forbund')
		.select([
			'id',
			'region_id',
			'slug',
			'name',
			'short_name',
			'municipalities',
			'authorities',
			'contact_email',
			'contact_phone'
		])
		.orderBy('id')
		.execute();
	for (const f of forbund) {
		await insertDemoPage(trx, { region_id: f.region_id, forbund_id: f.id }, demoPagesFor(f), author(f.slug));
	}
	for (const region of await trx.selectFrom('region').select(['id', 'name']).orderBy('id').execute()) {
		const own = forbund.filter((f) => f.region_id === region.id);
		if (own.length === 0) continue;
		await insertDemoPage(trx, { region_id: region.id, forbund_id: null }, demoRegionPage(region, own), author(null));
	}
}
