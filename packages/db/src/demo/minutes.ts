import type { ActionKind, AgendaKind, AttendeeRole } from '../schema.ts';

// Demo minutes of the joint presidium meetings in Stockholms län. The November 2019 meeting follows
// the structure and topics of shared/seeds 004 (attendees by förbund, information per förbund, joint
// services, the ESF project MIA, ASF, follow-up, the next meeting) in our own words; every person
// is invented. The earlier and later meetings are shorter, to show the workflow's states.

export interface DemoMeeting {
	region: string;
	title: string;
	/** ISO date-times with offset. */
	startsAt: string;
	endsAt: string;
	place: string;
	host: string;
	state: 'draft' | 'approved' | 'published' | 'public';
	adjusters: string[];
	attendees: { name: string; forbund: string | null; role: AttendeeRole; title?: string; account?: string }[];
	items: { kind: AgendaKind; forbund?: string; heading: string; presenter?: string; body: string }[];
	actions: { kind: ActionKind; text: string; responsible?: string; due?: string }[];
	next?: { host: string; startsAt: string; endsAt: string; place: string };
}

const november2019: DemoMeeting = {
	region: 'stockholm',
	title: 'Gemensamt möte för presidierna i Stockholms läns samordningsförbund',
	startsAt: '2019-11-12T16:00:00+01:00',
	endsAt: '2019-11-12T18:00:00+01:00',
	place: 'Roslagens kansli, Täby',
	host: 'roslagen',
	state: 'published',
	adjusters: ['Maria Holm', 'Henrik Lund'],
	attendees: [
		{
			name: 'Maria Holm',
			forbund: 'roslagen',
			role: 'ordforande',
			account: 'presidium.roslagen@demo.regionportalen.se'
		},
		{ name: 'Lars Berglöf', forbund: 'roslagen', role: 'vice_ordforande' },
		{ name: 'Cecilia Dahlberg', forbund: 'roslagen', role: 'forbundschef' },
		{
			name: 'Henrik Lund',
			forbund: 'stockholms-stad',
			role: 'ordforande',
			account: 'presidium.stockholms-stad@demo.regionportalen.se'
		},
		{ name: 'Göran Sjöberg', forbund: 'stockholms-stad', role: 'vice_ordforande' },
		{ name: 'Petra Nyström', forbund: 'stockholms-stad', role: 'forbundschef', title: 'tf.' },
		{ name: 'Linnea Öberg', forbund: 'sodertalje', role: 'ersattare' },
		{ name: 'Kent Malmgren', forbund: 'sodertalje', role: 'forbundschef' },
		{ name: 'Elsa Viklund', forbund: 'hbs', role: 'vice_ordforande' },
		{ name: 'Ingrid Sandell', forbund: 'hbs', role: 'forbundschef' },
		{ name: 'Oskar Lindqvist', forbund: 'varna', role: 'ledamot' },
		{ name: 'Jenny Wallin', forbund: 'varna', role: 'forbundschef' },
		{ name: 'Johan Ahlgren', forbund: 'sundbyberg', role: 'ordforande' },
		{ name: 'Camilla Ström', forbund: 'sundbyberg', role: 'forbundschef' },
		{ name: 'Kristian Borg', forbund: 'ostra-sodertorn', role: 'ledamot' },
		{ name: 'Annika Fors', forbund: 'ostra-sodertorn', role: 'forbundschef' },
		{ name: 'Mia Svedberg', forbund: 'ostra-sodertorn', role: 'other', title: 'projektchef för MIA' },
		{ name: 'Erik Sundin', forbund: 'sus', role: 'ordforande', account: 'presidium.sus@demo.regionportalen.se' },
		{ name: 'Karin Ek', forbund: 'sus', role: 'forbundschef', account: 'fc.sus@demo.regionportalen.se' }
	],
	items: [
		{
			kind: 'forbund_information',
			forbund: 'roslagen',
			heading: 'Information från Samordningsförbundet Roslagen',
			presenter: 'Maria Holm och Cecilia Dahlberg',
			body:
				'Ordföranden hälsade alla välkomna och mötet inledde med en kort presentationsrunda.\n\n' +
				'Förbundschefen berättade att förbundet växer: fler kommuner har blivit medlemmar. Den som vill veta mer kan se förbundets informationsfilm på dess webbplats.'
		},
		{
			kind: 'joint_service',
			heading: 'Gemensam informationssatsning i norra länet',
			presenter: 'Camilla Ström',
			body:
				'Förbunden i norra länet genomförde under vecka 42 en gemensam Finsamvecka med jämställdhet som tema. Föreläsningarna var välbesökta och uppskattade, även om det fanns plats för fler deltagare. Flera av förbundens insatser presenterade sitt arbete under veckan.\n\n' +
				'Satsningen utvärderas just nu.'
		},
		{
			kind: 'joint_service',
			heading: 'Arbetsintegrerande sociala företag (ASF)',
			presenter: 'Petra Nyström',
			body:
				'Förbunden samarbetar allt mer med arbetsintegrerande sociala företag. De förbund som deltar i MIA-projektet har tillsammans **en regional ASF-samordnare**.\n\n' +
				'Alla förbund är medarrangörer av ASF-dagen den 19 november.'
		},
		{
			kind: 'joint_service',
			heading: 'Insatskatalogen',
			presenter: 'Ingrid Sandell',
			body:
				'Samtliga förbund i länet är anslutna till insatskatalogen eller på väg att ansluta sig. Katalogen beskriver främst arbetsrehabiliterande insatser men också annat stöd, och den utvecklas fortfarande.\n\n' +
				'Presidierna vill att förbunden följer hur mycket katalogen används och sprider kunskap om den.'
		},
		{
			kind: 'joint_service',
			heading: 'Sjukskrivna utan sjukpenninggrundande inkomst',
			presenter: 'Cecilia Dahlberg',
			body: 'Flera förbund har insatser för sjukskrivna som saknar sjukpenninggrundande inkomst. Ofta handlar arbetet om att skapa en gemensam bild av målgruppen. Det finns ett nätverk för frågan som behöver få mer kraft.'
		},
		{
			kind: 'project',
			heading: 'ESF-projektet MIA',
			presenter: 'Mia Svedberg',
			body:
				'Projektchefen gav en lägesbild av MIA och berättade om ansökan om förlängning som lämnats in till Europeiska socialfonden. Den nya ansökan omfattar alla åtta förbund i länet och ytterligare två kommuner.\n\n' +
				'Mötet diskuterade hur insatserna kan bli en del av den ordinarie verksamheten, hur parallella insatser kan få en gemensam struktur och behovet av finansiering över längre tid för att kunna visa vad som ger resultat.'
		},
		{
			kind: 'other',
			heading: 'Framtida möjligheter och utmaningar',
			presenter: 'Förbundscheferna',
			body:
				'Förbundscheferna har börjat arbeta tillsammans med kommunikation och med uppföljning och utvärdering.\n\n' +
				'- **Kommunikation:** förbunden behöver bättre verktyg för att visa politiker och kommuner som ännu inte är medlemmar vad förbunden gör, med exempel på verksamheter som blivit ordinarie.\n' +
				'- **Uppföljning:** resultat behöver följas över tid, på individnivå och på organisations- och strukturnivå.\n' +
				'- **Våld i nära relationer:** två av förbunden deltar i ett nationellt pilotprojekt om att fråga om våld. Erfarenheterna ska spridas till övriga förbund.'
		},
		{
			kind: 'other',
			heading: 'Samordningsförbunden och den regionala nivån',
			body: 'Förbunden är väl förankrade i kommunerna men mindre kända inom Region Stockholm. Regionens träffar för alla styrelseledamöter har haft låg närvaro. Hur förbunden kan arbeta på regional nivå lämnas till förbundschefsnätverket.'
		},
		{
			kind: 'follow_up',
			heading: 'Länsgemensamt medlemssamråd',
			body: 'Mötet var enigt om att ett regionalt medlemssamråd ska komplettera, inte ersätta, de lokala samråden, och att syftet behöver bli tydligt. Ett alternativ är ett samråd i norra och ett i södra länet.'
		}
	],
	actions: [
		{
			kind: 'decision',
			text: 'Frågan om hur förbunden ska arbeta på regional nivå lämnas till förbundschefsnätverket.',
			responsible: 'Förbundschefsnätverket'
		},
		{
			kind: 'decision',
			text: 'Ett länsgemensamt medlemssamråd tas upp i varje förbunds styrelse.',
			responsible: 'Förbundens ordförande'
		},
		{
			kind: 'follow_up',
			text: 'Följ hur insatskatalogen används och sprid kunskap om den.',
			responsible: 'Förbundscheferna',
			due: '2020-04-02'
		},
		{
			kind: 'follow_up',
			text: 'Utvärderingen av Finsamveckan redovisas vid nästa möte.',
			responsible: 'Camilla Ström',
			due: '2020-04-02'
		}
	],
	next: {
		host: 'varna',
		startsAt: '2020-04-02T16:00:00+02:00',
		endsAt: '2020-04-02T18:00:00+02:00',
		place: 'Samordningsförbundet VärNa, Nacka'
	}
};

const short = (
	title: string,
	startsAt: string,
	endsAt: string,
	host: string,
	state: DemoMeeting['state'],
	topic: { heading: string; body: string }
): DemoMeeting => ({
	region: 'stockholm',
	title,
	startsAt,
	endsAt,
	place: 'Förbundets kansli',
	host,
	state,
	adjusters: state === 'draft' ? [] : ['Henrik Lund'],
	attendees: [
		{
			name: 'Henrik Lund',
			forbund: 'stockholms-stad',
			role: 'ordforande',
			account: 'presidium.stockholms-stad@demo.regionportalen.se'
		},
		{
			name: 'Maria Holm',
			forbund: 'roslagen',
			role: 'ordforande',
			account: 'presidium.roslagen@demo.regionportalen.se'
		},
		{ name: 'Erik Sundin', forbund: 'sus', role: 'ordforande', account: 'presidium.sus@demo.regionportalen.se' },
		{ name: 'Annika Fors', forbund: 'ostra-sodertorn', role: 'forbundschef' }
	],
	items: [{ kind: 'other', heading: topic.heading, body: topic.body }],
	actions: [{ kind: 'follow_up', text: 'Frågan tas upp igen vid nästa möte.', responsible: 'Förbundscheferna' }]
});

export const demoMeetings: DemoMeeting[] = [
	short('Presidiernas höstmöte 2018', '2018-11-20T16:00:00+01:00', '2018-11-20T18:00:00+01:00', 'sus', 'published', {
		heading: 'Samverkan kring unga som varken arbetar eller studerar',
		body: 'Förbunden berättade om sina kartläggningar av unga utanför arbete och studier och om hur resultaten kan jämföras över länet.'
	}),
	short(
		'Presidiernas vårmöte 2019',
		'2019-04-09T16:00:00+02:00',
		'2019-04-09T18:00:00+02:00',
		'stockholms-stad',
		'public',
		{
			heading: 'Gemensam ASF-dag',
			body: 'Mötet ställde sig bakom en gemensam dag om arbetsintegrerande sociala företag under hösten.'
		}
	),
	november2019,
	short('Presidiernas vårmöte 2020', '2020-04-02T16:00:00+02:00', '2020-04-02T18:00:00+02:00', 'varna', 'approved', {
		heading: 'Utvärdering av Finsamveckan',
		body: 'Utvärderingen visar att deltagarna var nöjda och att fler borde nås nästa år.'
	}),
	short('Presidiernas höstmöte 2020', '2020-11-10T16:00:00+01:00', '2020-11-10T18:00:00+01:00', 'hbs', 'draft', {
		heading: 'Regionalt medlemssamråd',
		body: 'Förslag till upplägg för ett samråd i norra och ett i södra länet.'
	})
];
