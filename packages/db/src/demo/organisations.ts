// The demo regions, and the förbund that have no app here (a förbund with an app is described by
// its apps/<slug>/site.config.ts and registered from there). Real public organisations; the region
// contacts are invented.

export interface DemoForbund {
	slug: string;
	name: string;
	shortName: string;
	description: string;
	municipalities: string[];
	authorities: string[];
}

export interface DemoRegion {
	slug: string;
	name: string;
	description: string;
	about: string;
	contact_name: string;
	contact_email: string;
	contact_phone: string;
	forbund: DemoForbund[];
}

const STATE = ['Försäkringskassan', 'Arbetsförmedlingen'];
const VARMLAND = ['Region Värmland', ...STATE];

export const demoRegions: DemoRegion[] = [
	{
		slug: 'stockholm',
		name: 'Stockholms län',
		description:
			'Länets åtta samordningsförbund samverkar i gemensamma presidiemöten, i ESF-projektet MIA och kring en gemensam regional samordnare för arbetsintegrerande sociala företag.',
		about:
			'Samordningsförbunden i Stockholms län arbetar lokalt, men möts regelbundet för att lära av varandra och driva frågor som är större än ett förbund.\n\nPresidierna träffas ett par gånger om året, med förbunden som värdar i tur och ordning. Förbundscheferna har ett eget nätverk för uppföljning, utvärdering och kommunikation.\n\nTillsammans driver förbunden ESF-projektet MIA och delar en regional samordnare för arbetsintegrerande sociala företag (ASF).',
		contact_name: 'Regional samordnare',
		contact_email: 'region@stockholm.demo.regionportalen.se',
		contact_phone: '08-123 450 00',
		// All eight förbund in Stockholms län have an app of their own (apps/<slug>/site.config.ts).
		forbund: []
	},
	{
		slug: 'varmland-dalsland',
		name: 'Finsam Värmland–Dalsland',
		description:
			'Sex samordningsförbund i Värmland och Dalsland arbetar tillsammans under paraplyet Finsam Värmland–Dalsland, bland annat i gemensamma projekt.',
		about:
			'Under paraplyet Finsam Värmland–Dalsland samarbetar sex samordningsförbund kring kompetens, projekt och en gemensam webbplats.\n\nGemensamma projekt som Omställning och Insikt har avslutats och rapporterats, och samarbetet har lett fram till ett större ESF-projekt i länet.',
		contact_name: 'Finsam Värmland–Dalsland',
		contact_email: 'region@varmland.demo.regionportalen.se',
		contact_phone: '054-123 450 00',
		forbund: [
			{
				slug: 'samspelet',
				name: 'Samordningsförbundet Samspelet',
				shortName: 'Samspelet',
				description: 'Samordningsförbundet för Karlstad med grannkommuner.',
				municipalities: ['Karlstad', 'Hammarö', 'Grums'],
				authorities: VARMLAND
			},
			{
				slug: 'fryksdalen',
				name: 'Fryksdalens samordningsförbund',
				shortName: 'Fryksdalen',
				description: 'Samordningsförbundet i Fryksdalen.',
				municipalities: ['Kil', 'Sunne', 'Torsby'],
				authorities: VARMLAND
			},
			{
				slug: 'klaralvdalen',
				name: 'Klarälvdalens samordningsförbund',
				shortName: 'Klarälvdalen',
				description: 'Samordningsförbundet i Klarälvdalen.',
				municipalities: ['Hagfors', 'Munkfors', 'Forshaga'],
				authorities: VARMLAND
			},
			{
				slug: 'ostra-varmland',
				name: 'Östra Värmlands samordningsförbund',
				shortName: 'Östra Värmland',
				description: 'Samordningsförbundet i östra Värmland.',
				municipalities: ['Kristinehamn', 'Storfors', 'Filipstad'],
				authorities: VARMLAND
			},
			{
				slug: 'badesa',
				name: 'Samordningsförbundet BÅDESÅ',
				shortName: 'BÅDESÅ',
				description: 'Samordningsförbundet för Bengtsfors, Åmål, Dals-Ed, Säffle och Årjäng.',
				municipalities: ['Bengtsfors', 'Åmål', 'Dals-Ed', 'Säffle', 'Årjäng'],
				authorities: ['Region Värmland', 'Västra Götalandsregionen', ...STATE]
			}
		]
	}
];
