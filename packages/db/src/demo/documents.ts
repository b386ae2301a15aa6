import type { Kysely } from 'kysely';
import type { DocumentKind, Database } from '../schema.ts';
import { scannedPdf, textPdf } from './pdf.ts';

// The demo's document library: reports, a kartläggning, a verksamhetsplan, an årsredovisning and an
// utvärdering (the last and SAMRE's kartläggning belonging to their demo insatser) of SUS, another Stockholm förbund, Arvika-Eda and the Stockholm region, as PDFs made
// here with real text (pdf-lib), and one "scanned" protocol without any. They are stored through the
// caller's `store` (the media storage) and left pending: the demo's worker extracts their text, as
// it would an upload. The organisations are real; the people named are invented.

export interface DemoDocument {
	/** null: the region's own. */
	forbund: string | null;
	region: string;
	title: string;
	date: string;
	kind: DocumentKind;
	diarienummer?: string;
	description?: string;
	/** The slug of the förbund's insats it belongs to (demo insatser, insatser.ts). */
	insats?: string;
	/** The PDF's paragraphs; null makes a scan without text. */
	paragraphs: string[] | null;
}

export const demoDocuments: DemoDocument[] = [
	{
		forbund: 'sus',
		region: 'stockholm',
		title: 'Kartläggning av målgruppen för SAMRE – sjukskrivna utan sjukpenning',
		date: '2018-03-20',
		kind: 'kartlaggning',
		diarienummer: 'SUS 2017/31',
		insats: 'samre',
		description:
			'Rapporten som sammanfattar kartläggningen hösten 2017 i Sollentuna, Upplands Väsby och Sigtuna, inför insatsen SAMRE – Samordnad rehabilitering.',
		paragraphs: [
			'Sammanfattning. Under oktober 2017 kartlade förbundet de personer som var aktuella hos enheterna för ekonomiskt bistånd i Sollentuna, Upplands Väsby och Sigtuna, som var sjukskrivna på hel- eller deltid och som saknade sjukpenninggrundande inkomst. Kartläggningen är underlaget för insatsen SAMRE – Samordnad rehabilitering.',
			'Målgruppen. De flesta i målgruppen har varit sjukskrivna länge, ofta med intyg från primärvården. Många har psykisk ohälsa, och en stor del har aldrig haft en etablering på arbetsmarknaden som ger rätt till sjukpenning. Kontakterna med Försäkringskassan och Arbetsförmedlingen är få.',
			'Skillnader mellan kommunerna. Kommunerna organiserar handläggningen av ekonomiskt bistånd på olika sätt. I en kommun finns en särskild grupp för sjukskrivna, i de andra delas ärendena på alla handläggare. Det påverkar hur ett gemensamt arbetssätt inom SAMRE behöver byggas upp.',
			'Slutsatser. Handläggarna efterfrågar kunskap i försäkringsmedicin och en tydligare väg till konsultation med Försäkringskassan och regionens vård. Förbundet föreslår att SAMRE inleds med utbildning i försäkringsmedicin och med samordnade planeringsmöten för deltagarna.'
		]
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		title: 'Sociala företag i Sollentuna, Upplands Väsby och Sigtuna',
		date: '2018-10-05',
		kind: 'rapport',
		diarienummer: 'SUS 2018/12',
		description:
			'En genomgång av de arbetsintegrerande sociala företagen i förbundets kommuner och vad de kan erbjuda.',
		paragraphs: [
			'Arbetsintegrerande sociala företag ger människor som står långt från arbetsmarknaden en plats att pröva sin arbetsförmåga i en verklig verksamhet. Förbundet har tillsammans med Coompanion gått igenom de företag som finns i Sollentuna, Upplands Väsby och Sigtuna.',
			'I kommunerna finns i dag ett tiotal sociala företag, bland dem second hand-butiker, caféer, trädgårdsskötsel och lokalvård. De flesta tar emot deltagare i arbetsträning och har avtal med kommunen eller Arbetsförmedlingen.',
			'Rapporten föreslår att förbundet fortsätter stödja nyetablering och att kommunerna använder företagen oftare vid upphandling av förrehabiliterande insatser.'
		]
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		title: 'Verksamhetsplan och budget 2026',
		date: '2025-11-27',
		kind: 'verksamhetsplan',
		diarienummer: 'SUS 2025/40',
		paragraphs: [
			'Förbundets uppdrag är att genom finansiell samordning stödja individer i behov av samordnade rehabiliteringsinsatser från Försäkringskassan, Arbetsförmedlingen, Region Stockholm och kommunerna Sollentuna, Upplands Väsby och Sigtuna.',
			'Prioriterade områden 2026 är unga vuxna 16–29 år som varken arbetar eller studerar, personer med försörjningsstöd och psykisk ohälsa samt strukturövergripande insatser för kompetens i försäkringsmedicin.',
			'Budgeten för 2026 omfattar 14,2 miljoner kronor, varav 11,6 miljoner kronor till individinriktade insatser och 1,1 miljoner kronor till strukturövergripande insatser. Alla insatser följs upp i Uppföljning Finsam.'
		]
	},
	{
		forbund: 'stockholms-stad',
		region: 'stockholm',
		title: 'Årsredovisning 2025',
		date: '2026-03-18',
		kind: 'arsredovisning',
		diarienummer: 'SF 2026/7',
		paragraphs: [
			'Förvaltningsberättelse. Under 2025 finansierade förbundet sjutton insatser, varav elva individinriktade. Drygt 1 300 personer deltog i de individinriktade insatserna, och var tredje av dem som avslutade gick vidare till arbete eller studier.',
			'Ekonomi. Förbundets intäkter var 38,4 miljoner kronor och kostnaderna 37,1 miljoner kronor. Årets resultat är ett överskott på 1,3 miljoner kronor, och det egna kapitalet ligger inom den nivå styrelsen har beslutat om.',
			'Styrelsen föreslår att förbundsmedlemmarna beviljar ansvarsfrihet för 2025.'
		]
	},
	{
		forbund: 'arvika-eda',
		region: 'varmland-dalsland',
		title: 'Utvärdering av Framtidsverkstan',
		date: '2025-06-12',
		kind: 'utvardering',
		description: 'En extern utvärdering av arbetsträningen i verkstad och café i Arvika.',
		insats: 'framtidsverkstan',
		paragraphs: [
			'Framtidsverkstan ger personer med aktivitetsersättning eller lång sjukskrivning arbetsträning i verkstad och café, med en handledare och i egen takt. Utvärderingen bygger på intervjuer med deltagare och personal och på uppgifter ur Uppföljning Finsam.',
			'Deltagarna beskriver att de har fått en plats att komma till varje dag och att planeringen med Försäkringskassan och Arbetsförmedlingen har blivit tydligare. Personalen lyfter de gemensamma trepartsmötena som det som gjort störst skillnad.',
			'Utvärderaren rekommenderar att arbetssättet förs in i ordinarie verksamhet, och att samverkan med hälso- och sjukvården stärks.'
		]
	},
	{
		forbund: null,
		region: 'stockholm',
		title: 'Samordningsförbunden i Stockholms län – regional lägesbild 2025',
		date: '2026-02-02',
		kind: 'rapport',
		paragraphs: [
			'Lägesbilden sammanställer de åtta samordningsförbundens insatser i Stockholms län under 2025, ur förbundens rapportering i Uppföljning Finsam.',
			'Tillsammans finansierade förbunden drygt sjuttio insatser. Unga vuxna och personer med psykisk ohälsa är de vanligaste målgrupperna, och intresset för strukturövergripande insatser i försäkringsmedicin har ökat.',
			'Regionen föreslår ett gemensamt lärande kring implementering, så att fler insatser förs in i ordinarie verksamhet när finansieringen upphör.'
		]
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		title: 'Protokoll från styrelsens sammanträde 14 februari 2019 (inskannat)',
		date: '2019-02-14',
		kind: 'protokoll',
		diarienummer: 'SUS 2019/3',
		description: 'Ett justerat protokoll, inskannat från papper.',
		paragraphs: null
	}
];

/** A PDF stored in the media storage: what the library's record needs of it. */
export type StorePdf = (
	bytes: Uint8Array,
	filename: string
) => Promise<{ key: string; filename: string; size: number }>;

/**
 * The demo documents, once: does nothing when the library has any document, or when an owner is
 * missing (a förbund without its site here). Each PDF is made and stored, then recorded pending.
 */
export async function seedDemoDocuments(db: Kysely<Database>, store: StorePdf): Promise<number> {
	if (await db.selectFrom('document').select('id').limit(1).executeTakeFirst()) return 0;
	const regions = new Map((await db.selectFrom('region').select(['slug', 'id']).execute()).map((r) => [r.slug, r.id]));
	const forbund = new Map(
		(await db.selectFrom('forbund').select(['slug', 'id', 'region_id']).execute()).map((f) => [f.slug, f])
	);
	const insatser = new Map(
		(await db.selectFrom('insats').select(['id', 'forbund_id', 'slug']).execute()).map((i) => [
			`${i.forbund_id}/${i.slug}`,
			i.id
		])
	);
	let count = 0;
	for (const d of demoDocuments) {
		const owner = d.forbund ? forbund.get(d.forbund) : null;
		const regionId = owner?.region_id ?? regions.get(d.region);
		if (owner === undefined || regionId === undefined) continue;
		const insatsId = d.insats && owner ? (insatser.get(`${owner.id}/${d.insats}`) ?? null) : null;
		const bytes = d.paragraphs ? await textPdf({ title: d.title, paragraphs: d.paragraphs }) : await scannedPdf(2);
		const stored = await store(bytes, `${d.title}.pdf`);
		await db
			.insertInto('document')
			.values({
				region_id: regionId,
				forbund_id: owner?.id ?? null,
				insats_id: insatsId,
				title: d.title,
				document_date: d.date,
				kind: d.kind,
				diarienummer: d.diarienummer ?? '',
				description: d.description ?? '',
				storage_key: stored.key,
				filename: stored.filename,
				size_bytes: stored.size
			})
			.execute();
		count++;
	}
	return count;
}
