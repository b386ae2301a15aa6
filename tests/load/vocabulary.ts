// Swedish text for the load test's synthetic news: the words and phrases a samordningsförbund's
// news is made of, and a seeded generator that combines them into titles, leads and body
// sentences. The pools are made here once (deterministic for a given seed) and handed to
// PostgreSQL, which composes 100,000 items from them set-based (see seed.ts). The point is that
// full-text search meets real Swedish words, stems and compounds in realistic proportions.

/** mulberry32: a small, fast, seeded PRNG, so every run produces the same text. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ACTORS = [
	'Förbundet',
	'Samordningsförbundet',
	'Kommunen',
	'Arbetsförmedlingen',
	'Försäkringskassan',
	'Regionen',
	'Socialtjänsten',
	'Primärvården',
	'Psykiatrin',
	'Styrelsen',
	'Beredningsgruppen',
	'Projektledaren',
	'Förbundschefen',
	'Samordnaren',
	'Arbetsgruppen',
	'Vuxenutbildningen',
	'Jobbtorget',
	'Vårdcentralen',
	'Kansliet',
	'Presidiet',
	'Processledaren',
	'Ledningsgruppen',
	'Arbetsmarknadsenheten',
	'Elevhälsan'
];

/** Present tense and supine of the same verb, for "startar"/"har startat". */
const VERBS: [string, string][] = [
	['startar', 'startat'],
	['utvecklar', 'utvecklat'],
	['förstärker', 'förstärkt'],
	['utvärderar', 'utvärderat'],
	['finansierar', 'finansierat'],
	['samordnar', 'samordnat'],
	['följer upp', 'följt upp'],
	['planerar', 'planerat'],
	['förlänger', 'förlängt'],
	['presenterar', 'presenterat'],
	['kartlägger', 'kartlagt'],
	['breddar', 'breddat'],
	['inleder', 'inlett'],
	['avslutar', 'avslutat'],
	['sammanfattar', 'sammanfattat'],
	['förbättrar', 'förbättrat'],
	['stödjer', 'stött'],
	['prioriterar', 'prioriterat'],
	['beviljar medel till', 'beviljat medel till'],
	['bjuder in till', 'bjudit in till'],
	['implementerar', 'implementerat'],
	['dokumenterar', 'dokumenterat']
];

const OBJECTS = [
	'en ny insats',
	'samverkan kring unga',
	'arbetet med individstöd',
	'en gemensam kartläggning',
	'stödet till långtidssjukskrivna',
	'rehabiliteringen av deltagare',
	'en utbildningsdag',
	'ett frukostseminarium',
	'en ny metod för arbetslivsinriktad rehabilitering',
	'projektet',
	'verksamhetsplanen',
	'budgeten för nästa år',
	'uppföljningen av insatserna',
	'den strukturella samverkan',
	'kompetensutvecklingen för handläggare',
	'en förstudie',
	'samarbetet med sociala företag',
	'ett nätverk för handläggare',
	'arbetsträningsplatser',
	'kartläggningen av målgruppen',
	'arbetet enligt IPS-modellen',
	'mätningen av stegförflyttningar',
	'ett samverkansteam',
	'en gemensam handlingsplan',
	'samverkansmöten mellan myndigheterna',
	'en digital vägledning',
	'stödet till arbetsgivare',
	'arbetet med tidiga insatser',
	'en kurs i försäkringsmedicin',
	'ett jobbspår inom vård och omsorg',
	'den finansiella samordningen',
	'en ansökan till Europeiska socialfonden',
	'hälsofrämjande aktiviteter',
	'ett kunskapsseminarium om psykisk hälsa'
];

const GROUPS = [
	'unga vuxna',
	'unga som varken arbetar eller studerar',
	'personer med psykisk ohälsa',
	'långtidsarbetslösa',
	'nyanlända kvinnor',
	'sjukskrivna utan sjukpenning',
	'personer med funktionsnedsättning',
	'personer som har ekonomiskt bistånd',
	'föräldrar utanför arbetsmarknaden',
	'personer med missbruksproblematik',
	'deltagare med behov av samordnade insatser',
	'utrikesfödda kvinnor',
	'personer med neuropsykiatriska diagnoser',
	'unga med aktivitetsersättning',
	'personer långt från arbetsmarknaden',
	'elever som lämnat gymnasiet i förtid'
];

const PURPOSES = [
	'för att fler ska komma närmare arbetsmarknaden',
	'så att deltagarna får ett samordnat stöd',
	'för att förebygga långa sjukskrivningar',
	'för att stärka deltagarnas hälsa och egenmakt',
	'så att ingen faller mellan stolarna',
	'för att öka övergången till arbete och studier',
	'för att myndigheterna ska dra åt samma håll',
	'för att korta vägen till egen försörjning',
	'för att sprida goda exempel mellan kommunerna',
	'så att rehabiliteringen kan börja tidigare',
	'för att minska utanförskapet i kommunen',
	'för att skapa en mer jämlik rehabilitering'
];

const TIMES = [
	'under våren',
	'under hösten',
	'i januari',
	'i mars',
	'efter sommaren',
	'under året',
	'nästa år',
	'under de kommande tre åren',
	'i början av året',
	'sedan i höstas',
	'före jul',
	'under första kvartalet'
];

const FINDINGS = [
	'deltagarnas hälsa och självförtroende har förbättrats',
	'samverkan mellan myndigheterna har stärkts',
	'fler deltagare har kommit ut i arbete eller studier',
	'handläggarna har fått bättre förutsättningar att samarbeta',
	'deltagarna upplever att de blir sedda och lyssnade på',
	'stödet behöver vara mer långsiktigt än projektets tid',
	'insatsen når målgruppen bättre än tidigare',
	'kostnaderna för ekonomiskt bistånd har minskat',
	'arbetsgivarna är positiva till att ta emot praktikanter',
	'väntetiderna till rehabilitering har blivit kortare'
];

const NEXT_STEPS = [
	'sprida metoden till fler kommuner',
	'ta fram en gemensam handlingsplan för samverkan',
	'utbilda fler handläggare i arbetssättet',
	'söka medel för en fortsättning',
	'göra insatsen till en del av ordinarie verksamhet',
	'fördjupa samarbetet med arbetsgivare i regionen',
	'följa deltagarna under ytterligare ett år',
	'presentera resultaten för förbundets styrelse'
];

const QUOTES = [
	'Det här är ett viktigt steg för samverkan i länet',
	'Vi ser att deltagarna får en helt annan kontinuitet när myndigheterna arbetar tillsammans',
	'Samordnad rehabilitering gör skillnad på riktigt',
	'Utan förbundets finansiering hade insatsen inte varit möjlig',
	'Vi har lärt oss mycket om vad unga själva efterfrågar',
	'Det viktigaste är att ingen ska behöva berätta sin historia fler gånger än nödvändigt',
	'Arbetsgivarna är en nyckel för att fler ska komma i arbete',
	'Vi behöver fortsätta att mäta små steg framåt och inte bara anställningar'
];

const PEOPLE = [
	'Anna Lindqvist',
	'Johan Eriksson',
	'Maria Svensson',
	'Erik Johansson',
	'Fatima Ali',
	'Karin Nilsson',
	'Mohammed Hassan',
	'Lena Persson',
	'Per Olsson',
	'Sara Berg',
	'Ahmed Yusuf',
	'Eva Karlsson'
];

const ROLES = [
	'förbundschef',
	'projektledare',
	'samordnare',
	'enhetschef',
	'handläggare',
	'processledare',
	'ordförande i förbundets styrelse',
	'arbetsterapeut'
];

const ORGS = [
	'Arbetsförmedlingen',
	'Försäkringskassan',
	'kommunen',
	'regionen',
	'förbundet',
	'vuxenutbildningen',
	'socialtjänsten',
	'psykiatrin'
];

const ACTIVITIES = [
	'insatsen',
	'projektet',
	'arbetsträningen',
	'kursen',
	'gruppverksamheten',
	'individstödet',
	'jobbspåret',
	'samverkansteamets insatser'
];

const EVENTS = ['Seminarium', 'Workshop', 'Konferens', 'Frukostmöte', 'Studiebesök', 'Nätverksträff', 'Utbildningsdag'];

const TOPICS = [
	'psykisk hälsa',
	'arbetslivsinriktad rehabilitering',
	'sociala företag',
	'samverkan mellan myndigheter',
	'unga utanför arbete och studier',
	'försäkringsmedicin',
	'individstöd enligt IPS',
	'tidiga insatser',
	'jämställd rehabilitering',
	'finansiell samordning',
	'arbetsträning',
	'hälsofrämjande arbete'
];

/** Real municipalities, for place names in the text. */
export const MUNICIPALITIES = [
	'Sollentuna',
	'Upplands Väsby',
	'Sigtuna',
	'Södertälje',
	'Järfälla',
	'Sundbyberg',
	'Haninge',
	'Nynäshamn',
	'Tyresö',
	'Arvika',
	'Eda',
	'Karlstad',
	'Uppsala',
	'Enköping',
	'Eskilstuna',
	'Nyköping',
	'Linköping',
	'Norrköping',
	'Jönköping',
	'Växjö',
	'Kalmar',
	'Visby',
	'Karlskrona',
	'Malmö',
	'Helsingborg',
	'Lund',
	'Halmstad',
	'Göteborg',
	'Borås',
	'Trollhättan',
	'Örebro',
	'Västerås',
	'Falun',
	'Gävle',
	'Sundsvall',
	'Östersund',
	'Umeå',
	'Luleå',
	'Kiruna'
];

/** Tags as editors type them. */
export const TAGS = [
	'ASF',
	'Psykisk hälsa',
	'Unga',
	'IPS',
	'ESF',
	'Utvärdering',
	'Samverkan',
	'Arbetsgivare',
	'Försäkringsmedicin',
	'Styrelse',
	'Utbildning',
	'Nyanlända',
	'Jämställdhet',
	'Rehabilitering',
	'Ekonomi',
	'Seminarium'
];

/**
 * Search terms a visitor would type: common words of the text (every one finds many items) and
 * pairs of them, so a load run asks varied questions rather than one cached page.
 */
export function searchQueries(): string[] {
	const words = [
		'rehabilitering',
		'samverkan',
		'arbetsförmedlingen',
		'försäkringskassan',
		'deltagare',
		'kommunen',
		'insats',
		'unga',
		'psykisk ohälsa',
		'arbetsmarknaden',
		'utvärdering',
		'kartläggning',
		'sjukskrivna',
		'socialtjänsten',
		'studier',
		'sociala företag',
		'individstöd',
		'ekonomiskt bistånd',
		'nyanlända',
		'handläggare',
		'arbetsträning',
		'hälsa',
		'metod',
		'styrelsen'
	];
	const pairs = words
		.slice(0, 12)
		.flatMap((a, i) => words.slice(12).map((b, j) => ((i + j) % 2 ? `${a} ${b}` : `${b} ${a}`)));
	return [...words, ...pairs];
}

export interface TextPools {
	titles: string[];
	leads: string[];
	sentences: string[];
	/** Mean words per body sentence, to size bodies in words. */
	meanSentenceWords: number;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const PROPER_NOUNS = new Set(['Arbetsförmedlingen', 'Försäkringskassan', 'Jobbtorget']);
const lower = (s: string) => (PROPER_NOUNS.has(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

/** Unique strings from `make` until `count` of them, or until it stops finding new ones. */
function pool(count: number, make: () => string, accept: (s: string) => boolean = () => true): string[] {
	const out = new Set<string>();
	for (let tries = 0; out.size < count && tries < count * 20; tries++) {
		const s = make();
		if (accept(s)) out.add(s);
	}
	return [...out];
}

export function makeTextPools(seed = 2026): TextPools {
	const rnd = prng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
	const num = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
	const others = (x: string) => pick(ORGS.filter((o) => o !== x));

	const sentence = (): string => {
		const [present, supine] = pick(VERBS);
		const actor = pick(ACTORS);
		switch (num(0, 11)) {
			case 0:
				return `${actor} ${present} ${pick(OBJECTS)} för ${pick(GROUPS)} ${pick(TIMES)}.`;
			case 1:
				return `${cap(pick(TIMES))} ${present} ${lower(actor)} ${pick(OBJECTS)} ${pick(PURPOSES)}.`;
			case 2:
				return `Insatsen riktar sig till ${pick(GROUPS)} i ${pick(MUNICIPALITIES)} och bygger på samverkan mellan Arbetsförmedlingen, Försäkringskassan, regionen och kommunen.`;
			case 3:
				return `Under året deltog ${num(12, 380)} personer i ${pick(ACTIVITIES)}, och ${num(18, 61)} procent av deltagarna gick vidare till arbete eller studier.`;
			case 4: {
				const org = pick(ORGS);
				return `– ${pick(QUOTES)}, säger ${pick(PEOPLE)}, ${pick(ROLES)} på ${org}, som samarbetar med ${others(org)} i frågan.`;
			}
			case 5:
				return `Utvärderingen visar att ${pick(FINDINGS)}, men också att ${pick(FINDINGS)}.`;
			case 6:
				return `Arbetet finansieras av förbundets medlemmar: kommunerna, regionen, Försäkringskassan och Arbetsförmedlingen.`;
			case 7:
				return `Nästa steg är att ${pick(NEXT_STEPS)} och att ${pick(NEXT_STEPS)}.`;
			case 8:
				return `Den som vill veta mer är välkommen att kontakta ${pick(ROLES)} ${pick(PEOPLE)} på förbundets kansli.`;
			case 9:
				return `${actor} har ${supine} ${pick(OBJECTS)} ${pick(TIMES)} ${pick(PURPOSES)}.`;
			case 10:
				return `I ${pick(MUNICIPALITIES)} har ${num(3, 40)} handläggare från ${pick(ORGS)} och ${pick(ORGS)} gått en utbildning i ${pick(TOPICS)}.`;
			default:
				return `Många ${pick(GROUPS)} behöver stöd från flera myndigheter samtidigt, och därför är ${pick(TOPICS)} en prioriterad fråga för förbundet.`;
		}
	};

	const title = (): string => {
		const [present] = pick(VERBS);
		switch (num(0, 7)) {
			case 0:
				return `${pick(ACTORS)} ${present} ${pick(OBJECTS)}`;
			case 1:
				return `Ny insats för ${pick(GROUPS)} i ${pick(MUNICIPALITIES)}`;
			case 2:
				return `${pick(EVENTS)} om ${pick(TOPICS)} lockade många deltagare`;
			case 3:
				return `Utvärdering visar att ${pick(FINDINGS)}`;
			case 4:
				return `${pick(MUNICIPALITIES)} satsar på ${pick(TOPICS)} för ${pick(GROUPS)}`;
			case 5:
				return `Så arbetar ${pick(ORGS)} med ${pick(TOPICS)}`;
			case 6:
				return `Välkommen till ${pick(EVENTS).toLowerCase()} om ${pick(TOPICS)} ${pick(TIMES)}`;
			default:
				return `${pick(ACTORS)} ${present} ${pick(OBJECTS)} ${pick(TIMES)}`;
		}
	};

	const lead = (): string => {
		const [present] = pick(VERBS);
		const first = `${pick(ACTORS)} ${present} ${pick(OBJECTS)} för ${pick(GROUPS)} i ${pick(MUNICIPALITIES)}.`;
		const second =
			rnd() < 0.5
				? `Insatsen pågår ${pick(TIMES)} ${pick(PURPOSES)}.`
				: `Tidigare erfarenheter visar att ${pick(FINDINGS)}.`;
		return rnd() < 0.55 ? `${first} ${second}` : first;
	};

	const titles = pool(6000, title, (t) => words(t) >= 5 && words(t) <= 12);
	const leads = pool(6000, lead);
	const sentences = pool(12000, sentence);
	const meanSentenceWords = sentences.reduce((sum, s) => sum + words(s), 0) / sentences.length;
	return { titles, leads, sentences, meanSentenceWords };
}

/** Synthetic regions: the län that the demo data has no region for. */
export const SYNTHETIC_REGIONS: { slug: string; name: string }[] = [
	{ slug: 'uppsala', name: 'Uppsala län' },
	{ slug: 'sodermanland', name: 'Södermanland' },
	{ slug: 'ostergotland', name: 'Östergötland' },
	{ slug: 'jonkoping', name: 'Jönköpings län' },
	{ slug: 'kronoberg', name: 'Kronoberg' },
	{ slug: 'kalmar', name: 'Kalmar län' },
	{ slug: 'gotland', name: 'Gotland' },
	{ slug: 'blekinge', name: 'Blekinge' },
	{ slug: 'skane', name: 'Skåne' },
	{ slug: 'halland', name: 'Halland' },
	{ slug: 'vastra-gotaland', name: 'Västra Götaland' },
	{ slug: 'orebro', name: 'Örebro län' },
	{ slug: 'vastmanland', name: 'Västmanland' },
	{ slug: 'dalarna', name: 'Dalarna' },
	{ slug: 'gavleborg', name: 'Gävleborg' },
	{ slug: 'vasternorrland', name: 'Västernorrland' },
	{ slug: 'jamtland-harjedalen', name: 'Jämtland Härjedalen' },
	{ slug: 'vasterbotten', name: 'Västerbotten' },
	{ slug: 'norrbotten', name: 'Norrbotten' }
];

/** Synthetic förbund per synthetic region: [short name, member municipalities]. */
const SYNTHETIC_FORBUND: Record<string, [string, string[]][]> = {
	uppsala: [
		['Uppsala', ['Uppsala']],
		['Enköping-Håbo', ['Enköping', 'Håbo']],
		['Norduppland', ['Tierp', 'Östhammar', 'Älvkarleby']],
		['Knivsta-Heby', ['Knivsta', 'Heby']]
	],
	sodermanland: [
		['Eskilstuna', ['Eskilstuna']],
		['Nyköping-Oxelösund', ['Nyköping', 'Oxelösund']],
		['Katrineholm-Vingåker-Flen', ['Katrineholm', 'Vingåker', 'Flen']],
		['Strängnäs-Trosa-Gnesta', ['Strängnäs', 'Trosa', 'Gnesta']]
	],
	ostergotland: [
		['Linköping', ['Linköping']],
		['Norrköping', ['Norrköping']],
		['Motala-Vadstena', ['Motala', 'Vadstena']],
		['Mjölby-Boxholm-Ödeshög', ['Mjölby', 'Boxholm', 'Ödeshög']],
		['Östgöta Sydost', ['Kinda', 'Ydre', 'Åtvidaberg']]
	],
	jonkoping: [
		['Jönköping', ['Jönköping', 'Habo', 'Mullsjö']],
		['Höglandet', ['Eksjö', 'Nässjö', 'Vetlanda', 'Sävsjö', 'Aneby', 'Tranås']],
		['Gislaved-Gnosjö-Värnamo', ['Gislaved', 'Gnosjö', 'Vaggeryd', 'Värnamo']]
	],
	kronoberg: [
		['Växjö', ['Växjö', 'Uppvidinge', 'Lessebo']],
		['Ljungby-Markaryd-Älmhult', ['Ljungby', 'Markaryd', 'Älmhult']],
		['Tingsryd-Alvesta', ['Tingsryd', 'Alvesta']]
	],
	kalmar: [
		['Kalmar', ['Kalmar', 'Torsås', 'Mörbylånga', 'Borgholm']],
		['Västervik-Vimmerby', ['Västervik', 'Hultsfred', 'Vimmerby']],
		['Nybro-Emmaboda', ['Nybro', 'Emmaboda']],
		['Oskarshamn', ['Oskarshamn', 'Mönsterås', 'Högsby']]
	],
	gotland: [['Gotland', ['Gotland']]],
	blekinge: [
		['Karlskrona', ['Karlskrona']],
		['Västra Blekinge', ['Karlshamn', 'Sölvesborg', 'Olofström']],
		['Ronneby', ['Ronneby']]
	],
	skane: [
		['Malmö', ['Malmö']],
		['Helsingborg', ['Helsingborg', 'Bjuv', 'Åstorp']],
		['Lund', ['Lund', 'Lomma', 'Kävlinge']],
		['Kristianstad', ['Kristianstad', 'Bromölla', 'Östra Göinge']],
		['Trelleborg-Vellinge', ['Trelleborg', 'Vellinge', 'Svedala']],
		['Landskrona-Svalöv', ['Landskrona', 'Svalöv']],
		['Ystad-Österlen', ['Ystad', 'Simrishamn', 'Tomelilla', 'Sjöbo']],
		['Hässleholm', ['Hässleholm', 'Osby', 'Perstorp']],
		['Eslöv-Höör-Hörby', ['Eslöv', 'Höör', 'Hörby']]
	],
	halland: [
		['Halmstad', ['Halmstad', 'Laholm', 'Hylte']],
		['Varberg-Falkenberg', ['Varberg', 'Falkenberg']],
		['Kungsbacka', ['Kungsbacka']]
	],
	'vastra-gotaland': [
		['Göteborg Centrum', ['Göteborg']],
		['Göteborg Hisingen', ['Göteborg']],
		['Mölndal-Härryda-Partille', ['Mölndal', 'Härryda', 'Partille']],
		['Södra Bohuslän', ['Kungälv', 'Stenungsund', 'Tjörn', 'Orust']],
		['Norra Bohuslän', ['Strömstad', 'Tanum', 'Sotenäs', 'Munkedal', 'Lysekil']],
		['Trollhättan-Vänersborg', ['Trollhättan', 'Vänersborg', 'Lilla Edet', 'Grästorp']],
		['Skaraborg Norra', ['Skövde', 'Hjo', 'Tibro', 'Karlsborg']],
		['Sjuhärad', ['Borås', 'Ulricehamn', 'Mark', 'Svenljunga', 'Tranemo', 'Bollebygd', 'Herrljunga']],
		['Alingsås-Lerum-Vårgårda', ['Alingsås', 'Lerum', 'Vårgårda']],
		['Lidköping-Götene', ['Lidköping', 'Götene', 'Vara']]
	],
	orebro: [
		['Örebro', ['Örebro']],
		['Lindesberg-Nora', ['Lindesberg', 'Nora', 'Ljusnarsberg', 'Hällefors']],
		['Sydnärke', ['Kumla', 'Hallsberg', 'Askersund', 'Laxå', 'Lekeberg']],
		['Karlskoga-Degerfors', ['Karlskoga', 'Degerfors']]
	],
	vastmanland: [
		['Västerås', ['Västerås']],
		['Sala', ['Sala']],
		['Köping-Arboga-Kungsör', ['Köping', 'Arboga', 'Kungsör']],
		['Norra Västmanland', ['Fagersta', 'Norberg', 'Skinnskatteberg']],
		['Hallstahammar-Surahammar', ['Hallstahammar', 'Surahammar']]
	],
	dalarna: [
		['Falun-Borlänge', ['Falun', 'Borlänge']],
		['Mora-Orsa-Älvdalen', ['Mora', 'Orsa', 'Älvdalen']],
		['Ludvika-Smedjebacken', ['Ludvika', 'Smedjebacken']],
		['Avesta-Hedemora-Säter', ['Avesta', 'Hedemora', 'Säter']],
		['Malung-Sälen-Vansbro', ['Malung-Sälen', 'Vansbro']],
		['Leksand-Rättvik-Gagnef', ['Leksand', 'Rättvik', 'Gagnef']]
	],
	gavleborg: [
		['Gävle', ['Gävle']],
		['Sandviken-Hofors-Ockelbo', ['Sandviken', 'Hofors', 'Ockelbo']],
		['Hälsingland', ['Hudiksvall', 'Nordanstig', 'Bollnäs', 'Ovanåker', 'Söderhamn', 'Ljusdal']]
	],
	vasternorrland: [
		['Sundsvall-Timrå', ['Sundsvall', 'Timrå']],
		['Härnösand-Kramfors', ['Härnösand', 'Kramfors']],
		['Örnsköldsvik', ['Örnsköldsvik']],
		['Sollefteå-Ånge', ['Sollefteå', 'Ånge']]
	],
	'jamtland-harjedalen': [
		['Jämtland', ['Östersund', 'Krokom', 'Strömsund', 'Åre', 'Berg', 'Bräcke', 'Ragunda', 'Härjedalen']]
	],
	vasterbotten: [
		['Umeåregionen', ['Umeå', 'Vännäs', 'Nordmaling', 'Bjurholm', 'Robertsfors', 'Vindeln']],
		['Skellefteå-Norsjö', ['Skellefteå', 'Norsjö']],
		['Södra Lappland', ['Lycksele', 'Storuman', 'Sorsele', 'Vilhelmina', 'Dorotea', 'Åsele', 'Malå']]
	],
	norrbotten: [
		['Luleå-Boden', ['Luleå', 'Boden']],
		['Piteå-Älvsbyn', ['Piteå', 'Älvsbyn', 'Arvidsjaur', 'Arjeplog']],
		['Malmfälten', ['Kiruna', 'Gällivare', 'Pajala']],
		['Östra Norrbotten', ['Haparanda', 'Kalix', 'Överkalix', 'Övertorneå']]
	]
};

export interface SyntheticForbund {
	region: string;
	shortName: string;
	name: string;
	municipalities: string[];
}

/**
 * The synthetic förbund, round-robin over the regions (every region's first, then every region's
 * second, …), so taking the first N still spreads them over every synthetic region.
 */
export function syntheticForbund(): SyntheticForbund[] {
	const out: SyntheticForbund[] = [];
	const lists = SYNTHETIC_REGIONS.map((r) => SYNTHETIC_FORBUND[r.slug] ?? []);
	const longest = Math.max(...lists.map((l) => l.length));
	for (let i = 0; i < longest; i++) {
		SYNTHETIC_REGIONS.forEach((r, j) => {
			const entry = lists[j]![i];
			if (!entry) return;
			const [shortName, municipalities] = entry;
			out.push({ region: r.slug, shortName, name: `Samordningsförbundet ${shortName}`, municipalities });
		});
	}
	return out;
}
