// Regions and förbund of the demo: real public organisations and their member municipalities.

export interface DemoRegion {
	slug: string;
	name: string;
	description: string;
	forbund: DemoForbund[];
}

export interface DemoForbund {
	slug: string;
	name: string;
	shortName: string;
	description: string;
	municipalities: string[];
}

const STATE = ['Försäkringskassan', 'Arbetsförmedlingen'];

export const demoRegions: DemoRegion[] = [
	{
		slug: 'stockholm',
		name: 'Stockholms län',
		description:
			'Länets åtta samordningsförbund samverkar i gemensamma presidiemöten, i ESF-projektet MIA och kring en gemensam regional samordnare för arbetsintegrerande sociala företag.',
		forbund: [
			{
				slug: 'sus',
				name: 'Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna',
				shortName: 'SUS',
				description: 'Finansierar samordnad rehabilitering för invånare i Sollentuna, Upplands Väsby och Sigtuna.',
				municipalities: ['Sollentuna', 'Upplands Väsby', 'Sigtuna']
			},
			{
				slug: 'sodra-roslagen',
				name: 'Samordningsförbundet Södra Roslagen',
				shortName: 'Södra Roslagen',
				description: 'Samordningsförbundet för kommunerna i Roslagen, som har vuxit med fler medlemskommuner.',
				municipalities: ['Danderyd', 'Norrtälje', 'Täby', 'Vallentuna', 'Vaxholm', 'Österåker']
			},
			{
				slug: 'stockholms-stad',
				name: 'Samordningsförbundet Stockholms stad',
				shortName: 'Stockholms stad',
				description: 'Finansierar samverkansinsatser för stockholmare som behöver stöd från flera myndigheter.',
				municipalities: ['Stockholm']
			},
			{
				slug: 'sodertalje',
				name: 'Samordningsförbundet Södertälje',
				shortName: 'Södertälje',
				description: 'Samordnad rehabilitering i Södertälje och Nykvarn.',
				municipalities: ['Södertälje', 'Nykvarn']
			},
			{
				slug: 'hbs',
				name: 'Samordningsförbundet Huddinge Botkyrka Salem',
				shortName: 'HBS',
				description: 'Samordningsförbundet för Huddinge, Botkyrka och Salem.',
				municipalities: ['Huddinge', 'Botkyrka', 'Salem']
			},
			{
				slug: 'sundbyberg',
				name: 'Samordningsförbundet Sundbyberg',
				shortName: 'Sundbyberg',
				description: 'Samverkan för invånare i Sundbyberg som står långt från arbetsmarknaden.',
				municipalities: ['Sundbyberg']
			},
			{
				slug: 'ostra-sodertorn',
				name: 'Samordningsförbundet Östra Södertörn',
				shortName: 'Östra Södertörn',
				description: 'Samordningsförbundet för Haninge, Nynäshamn och Tyresö; projektägare för ESF-projektet MIA.',
				municipalities: ['Haninge', 'Nynäshamn', 'Tyresö']
			},
			{
				slug: 'jarfalla',
				name: 'Samordningsförbundet Järfälla',
				shortName: 'Järfälla',
				description: 'Samordnad rehabilitering för invånare i Järfälla.',
				municipalities: ['Järfälla']
			}
		]
	},
	{
		slug: 'varmland-dalsland',
		name: 'Finsam Värmland–Dalsland',
		description:
			'Sex samordningsförbund i Värmland och Dalsland arbetar tillsammans under paraplyet Finsam Värmland–Dalsland, bland annat i gemensamma projekt.',
		forbund: [
			{
				slug: 'arvika-eda',
				name: 'Arvika-Eda samordningsförbund',
				shortName: 'Arvika-Eda',
				description: 'Samordningsförbundet för Arvika och Eda kommuner.',
				municipalities: ['Arvika', 'Eda']
			},
			{
				slug: 'samspelet',
				name: 'Samordningsförbundet Samspelet',
				shortName: 'Samspelet',
				description: 'Samordningsförbundet för Karlstad med grannkommuner.',
				municipalities: ['Karlstad', 'Hammarö', 'Grums']
			},
			{
				slug: 'fryksdalen',
				name: 'Fryksdalens samordningsförbund',
				shortName: 'Fryksdalen',
				description: 'Samordningsförbundet i Fryksdalen.',
				municipalities: ['Kil', 'Sunne', 'Torsby']
			},
			{
				slug: 'klaralvdalen',
				name: 'Klarälvdalens samordningsförbund',
				shortName: 'Klarälvdalen',
				description: 'Samordningsförbundet i Klarälvdalen.',
				municipalities: ['Hagfors', 'Munkfors', 'Forshaga']
			},
			{
				slug: 'ostra-varmland',
				name: 'Östra Värmlands samordningsförbund',
				shortName: 'Östra Värmland',
				description: 'Samordningsförbundet i östra Värmland.',
				municipalities: ['Kristinehamn', 'Storfors', 'Filipstad']
			},
			{
				slug: 'badesa',
				name: 'Samordningsförbundet BÅDESÅ',
				shortName: 'BÅDESÅ',
				description: 'Samordningsförbundet för Bengtsfors, Åmål, Dals-Ed, Säffle och Årjäng.',
				municipalities: ['Bengtsfors', 'Åmål', 'Dals-Ed', 'Säffle', 'Årjäng']
			}
		]
	}
];

export function authoritiesFor(region: DemoRegion, forbund: DemoForbund): string[] {
	if (region.slug === 'stockholm') return ['Region Stockholm', ...STATE];
	if (forbund.slug === 'badesa') return ['Region Värmland', 'Västra Götalandsregionen', ...STATE];
	return ['Region Värmland', ...STATE];
}
