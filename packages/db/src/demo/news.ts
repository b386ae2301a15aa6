// Demo news written from the facts in shared/seeds 000, 001 and 004, in our own words; people are invented.

export interface DemoNews {
	/** Owning förbund slug, or null for a regional item owned by the region. */
	forbund: string | null;
	region: string;
	slug: string;
	title: string;
	lead: string;
	/** Plain text; paragraphs separated by a blank line ("\n\n"). */
	body: string;
	/** ISO date-time with offset, e.g. '2018-12-05T09:00:00+01:00'. */
	publishedAt: string;
	status?: 'draft';
	sharedWithRegion?: boolean;
}

export const demoNews: DemoNews[] = [
	// ---------------------------------------------------------------------------
	// Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna (2018)
	// ---------------------------------------------------------------------------
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'workshoppar-i-forsakringsmedicin',
		title: 'Uppskattad utbildning i försäkringsmedicin för socialsekreterare',
		lead: 'Insatsen SAMRE – Samordnad rehabilitering har tillsammans med Försäkringskassan startat en utbildningssatsning i försäkringsmedicin. Två workshoppar har redan hållits och fler är på väg.',
		body:
			'SAMRE vänder sig till personer som är sjukskrivna men saknar sjukpenning. För att kunna stödja den gruppen behöver flera yrkesgrupper kunna mer om försäkringsmedicin, inte minst de socialsekreterare som handlägger ekonomiskt bistånd.\n\n' +
			'Utbildningen ger också en inblick i hur Försäkringskassan arbetar och är ett tillfälle för myndigheterna att utbyta erfarenheter. Hur arbetar var och en av oss med sjukskrivna utan sjukpenning, och var kan vi göra mer tillsammans?\n\n' +
			'Den första workshoppen hölls den 14 februari och den andra den 20 februari. Intresset har varit stort och omdömena mycket positiva, så fler tillfällen planeras under våren.',
		publishedAt: '2018-02-26T10:00:00+01:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'kartlaggningar-av-unga-klara',
		title: 'Kartläggningar av unga utanför arbete och studier är klara',
		lead: 'Nu finns en samlad bild av unga mellan 16 och 24 år som varken arbetar eller studerar i Sollentuna, Sigtuna och Upplands Väsby. Kartläggningarna blir grunden för förbundets fortsatta arbete med målgruppen.',
		body:
			'Under vintern har förbundet låtit kartlägga situationen för unga i åldern 16–24 år som står utanför både arbete och studier. Arbetet har gjorts i var och en av de tre medlemskommunerna, och nu är alla tre kartläggningarna färdiga.\n\n' +
			'Redan den 11 januari presenterades resultatet från Sollentuna vid en workshop. Ett trettiotal medarbetare från Arbetsförmedlingen, Försäkringskassan och de tre kommunerna diskuterade där vilka behov de unga har och vilka insatser som saknas för att fler ska kunna gå vidare till jobb eller utbildning.\n\n' +
			'Underlaget visar hur många unga det handlar om i varje kommun och vilka hinder de möter. Det ger förbundet och samverkansparterna bättre förutsättningar att nå ungdomarna och erbjuda stöd som utgår från deras egna behov.',
		publishedAt: '2018-03-02T09:30:00+01:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'bussrundtur-till-sociala-foretag',
		title: 'Bussrundtur gav inblick i arbetsintegrerande sociala företag',
		lead: 'Den 6 mars åkte politiker och tjänstemän på en heldag bland arbetsintegrerande sociala företag i norra Stockholmsområdet. Rundturen arrangerades av förbundet tillsammans med Coompanion.',
		body:
			'Med på bussen fanns representanter för alla förbundets medlemsmyndigheter, en ledamot av landstingsfullmäktige och gäster från Botkyrka kommun och Samordningsförbundet Huddinge Botkyrka Salem. Syftet var att på plats se hur de sociala företagen arbetar och vad de kan betyda för människor som länge stått utanför arbetsmarknaden.\n\n' +
			'Första stoppet var M29 i Arlandastad, som hjälper till när nya sociala företag ska bildas. Där bjöds det på hemgjorda smoothies och rawfoodkaka, film och en visning av lokalerna, och Coompanion förklarade vad som kännetecknar ett arbetsintegrerande socialt företag.\n\n' +
			'Därefter gick färden till Värmekällans nyöppnade second hand-butik i Upplands Väsby och vidare till Yalla Rinkeby, där deltagarna i verksamheten bjöd på en mycket uppskattad vegetarisk lasagne. Under eftermiddagen besöktes också Service i Sigtuna, VioNi Samhällsentreprenörer, GGG för Seniorer och Blå Vägen.\n\n' +
			'Rundturen var förbundets andra aktivitet i satsningen på socialt företagande. Satsningen inleddes med ett frukostmöte, även det tillsammans med Coompanion, den 23 november 2017.',
		publishedAt: '2018-03-08T14:00:00+01:00',
		sharedWithRegion: true
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'samre-kartlaggning-rapport',
		title: 'Rapport klar: så ser målgruppen för SAMRE ut',
		lead: 'Kartläggningen som inledde projektet SAMRE – Samordnad rehabilitering är nu sammanställd i en rapport. Den ger en tydligare bild av sjukskrivna utan sjukpenning i förbundets tre kommuner.',
		body:
			'Kartläggningen genomfördes under hösten 2017 i Sollentuna, Upplands Väsby och Sigtuna. Den omfattade personer som under oktober var aktuella hos kommunernas enheter för ekonomiskt bistånd, var sjukskrivna på hel- eller deltid och saknade sjukpenninggrundande inkomst.\n\n' +
			'Rapporten blir ett viktigt underlag när insatserna för målgruppen ska planeras vidare. Den pekar också på skillnader mellan kommunerna, bland annat i hur arbetet är organiserat, något som måste vägas in när SAMRE utvecklar ett gemensamt arbetssätt.\n\n' +
			'Rapporten finns att läsa i sin helhet på förbundets webbplats. Har du frågor om kartläggningen är du välkommen att kontakta projektledaren Maja Ekström.',
		publishedAt: '2018-03-26T09:00:00+02:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'avtal-med-coompanion',
		title: 'Ettårigt avtal med Coompanion ska stärka sociala företag',
		lead: 'Förbundet har tecknat ett samarbetsavtal på ett år med Coompanion Roslagen & Norrort. Målet är fler och starkare arbetsintegrerande sociala företag i Sollentuna, Upplands Väsby och Sigtuna.',
		body:
			'Inom avtalet arbetar en rådgivare från Coompanion på 40 procent av heltid. Uppdraget är att stötta de sociala företag som redan finns och att hjälpa personer som vill starta nya.\n\n' +
			'I uppdraget ingår också information och utbildning för politiker, tjänstemän och företrädare för näringslivet som är intresserade av socialt företagande. Ju fler som känner till företagen och vad de kan erbjuda, desto oftare kommer de till användning.\n\n' +
			'Arbetsintegrerande sociala företag kan erbjuda arbetsträning för personer som har svårt att ta sig in på arbetsmarknaden. Förbundet ser ett stort behov av fler sådana arbetsplatser i de tre kommunerna och hoppas att samarbetet ska bidra till att nya företag växer fram.',
		publishedAt: '2018-04-09T10:00:00+02:00',
		sharedWithRegion: true
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'frukostmote-ungas-psykiska-halsa',
		title: 'Fullsatt frukostmöte om ungas psykiska ohälsa',
		lead: 'Omkring 60 personer kom till förbundets frukostmöte den 4 maj. Temat var ungas psykiska ohälsa, med fokus på insatser som fungerar och på vad samverkan kan åstadkomma.',
		body:
			'Publiken kom från Arbetsförmedlingen, Försäkringskassan, gymnasieskolor, kommunernas arbetsmarknadsenheter och socialtjänsten. Många av dem möter unga som mår dåligt i sitt dagliga arbete, och behovet av att dela erfarenheter var tydligt.\n\n' +
			'Först berättade en företrädare för landstingets projekt Uppdrag psykisk hälsa om de satsningar som pågår i länet. Därefter gav en projektledare från Nordens välfärdscenter en inspirerande bild av ungas situation i Norden och av hur professionella kan bemöta dem på bästa sätt.\n\n' +
			'Morgonen avslutades med en presentation av Lyra, en samverkansinsats i Huddinge som nått goda resultat. Exemplet väckte många frågor och tankar om vad som skulle kunna prövas även i Sollentuna, Upplands Väsby och Sigtuna.',
		publishedAt: '2018-05-08T09:00:00+02:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'sa-behandlar-vi-personuppgifter',
		title: 'Så hanterar förbundet personuppgifter enligt den nya dataskyddslagstiftningen',
		lead: 'Den 25 maj börjar den nya dataskyddslagstiftningen att gälla. Vi har sammanfattat hur förbundet behandlar personuppgifter.',
		body:
			'Dataskyddsförordningen, GDPR, ställer tydligare krav på hur organisationer samlar in, använder och sparar uppgifter om enskilda personer. Det gäller även samordningsförbund, till exempel när vi skickar ut nyhetsbrev eller tar emot anmälningar till frukostmöten.\n\n' +
			'I vår sammanfattning beskriver vi vilka uppgifter vi behandlar, varför vi gör det och hur länge de sparas. Där framgår också hur du gör om du vill se dina uppgifter, ändra dem eller avsluta en prenumeration.\n\n' +
			'Sammanfattningen finns på förbundets webbplats. Har du frågor är du välkommen att kontakta förbundets kansli.',
		publishedAt: '2018-05-21T13:00:00+02:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'uppfoljning-med-handlaggare-ekonomiskt-bistand',
		title: 'SAMRE följde upp med handläggare för ekonomiskt bistånd',
		lead: 'Den 22 maj träffade SAMRE handläggare för ekonomiskt bistånd i Sollentuna för ett uppföljande möte. Liknande träffar hålls i alla tre kommunerna.',
		body:
			'Mötet hölls på Sollentuna kommuns enhet för ekonomiskt bistånd. En utgångspunkt var vinterns workshoppar i försäkringsmedicin, som fått mycket goda omdömen, och ambitionen att fördjupa handläggarnas kunskap om hur SAMRE arbetar.\n\n' +
			'Handläggarna fick gott om tid för frågor, både om försäkringsmedicin och om de konsultationer som SAMRE erbjuder. Vid en konsultation får handläggaren förslag på en planering över myndighetsgränserna för en person som behöver samordnat stöd.\n\n' +
			'Under mötet gick man också igenom hur arbetet med sjukskrivna i behov av rehabilitering går till och vilken roll var och en av myndigheterna har. Att känna till varandras uppdrag gör det lättare att hjälpa deltagarna vidare.',
		publishedAt: '2018-05-25T10:00:00+02:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'ny-insats-for-unga-16-29-ar',
		title: 'Förbundet startar ny insats för unga mellan 16 och 29 år',
		lead: 'Förbundet har beslutat att starta en insats för unga som behöver stöd från flera myndigheter för att komma i arbete eller studier. Insatsen startar i höst med en mötesplats i centrala Upplands Väsby.',
		body:
			'Beslutet bygger på de kartläggningar som förbundet har gjort i Sollentuna, Upplands Väsby och Sigtuna. De visar hur många unga det rör sig om i varje kommun och vilka svårigheter och behov de har.\n\n' +
			'Målgruppen är unga som varken arbetar eller studerar och som behöver mer stöd än de ordinarie verksamheterna kan ge. Unga från alla tre kommunerna är välkomna, och insatsen kommer också att arbeta uppsökande.\n\n' +
			'På mötesplatsen ska flera myndigheter finnas på plats och tillsammans erbjuda bland annat studie- och yrkesvägledning, kuratorsstöd och hälsovägledning. Där kommer också att finnas mentorer och kompetens med koppling till näringslivet. Förbundets finansiering gör det möjligt för myndigheterna att samordna sitt stöd, så att de unga på sikt kan komma ut på arbetsmarknaden och försörja sig själva.\n\n' +
			'Förbundet kommer att rekrytera en samordnare för insatsen, och ungdomarna ska själva få vara med och bestämma vad mötesplatsen ska heta. Mer finns att läsa i Nyhetsbrev nr 3 2018.',
		publishedAt: '2018-06-14T09:00:00+02:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'samverkan-med-nio-sociala-foretag',
		title: 'Samverkan med nio sociala företag – SAMRE upphandlar hos Värmekällan',
		lead: 'På kort tid har förbundet inlett samverkan med nio arbetsintegrerande sociala företag i de tre kommunerna. Nu har insatsen SAMRE också upphandlat förrehabiliterande platser hos Värmekällan i Upplands Väsby.',
		body:
			'Hos Värmekällan får deltagarna pröva sin arbetsförmåga steg för steg och i den takt som passar var och en. Där finns bland annat möjlighet att sy, arbeta med andra hantverk eller odla på en kolonilott. En viktig del av uppdraget är att följa upp och dokumentera hur deltagarens arbetsförmåga ser ut.\n\n' +
			'De nio företag som förbundet nu samverkar med erbjuder arbetsträning och praktik för deltagare i förbundets insatser. Arbetsintegrerande sociala företag, ASF, är ett viktigt komplement till det övriga näringslivet, eftersom de har både vilja och kunskap att ta emot personer som länge har varit borta från arbetslivet.\n\n' +
			'Ett ASF har två affärsidéer på samma gång. Det säljer varor eller tjänster till privatpersoner, företag, föreningar eller offentlig sektor, ofta utifrån behov i närområdet. Samtidigt tar det emot personer för arbetsträning, arbetsprövning eller anställning, med ersättning från Arbetsförmedlingen, kommunen eller samordningsförbundet.',
		publishedAt: '2018-08-22T10:00:00+02:00',
		sharedWithRegion: true
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'lokala-resursteam-bildade',
		title: 'Lokala resursteam redo att ta emot deltagare',
		lead: 'Under året har resursteam bildats i Sollentuna, Upplands Väsby och Sigtuna. Nu är teamen i gång och kan ta emot ärenden.',
		body:
			'Resursteamen är en plattform för samverkan där handläggare från Arbetsförmedlingen, Försäkringskassan, kommunen och vården möts. Tillsammans ger de vägledning kring personer som behöver samordnat stöd från flera myndigheter.\n\n' +
			'När ett ärende diskuteras med alla berörda parter samtidigt blir det lättare att hitta rätt insats. Personen slipper bollas mellan olika myndigheter, och risken minskar att någon faller mellan stolarna när ansvaret är delat.\n\n' +
			'Faktablad och blanketter för handläggare och kontaktpersoner finns nu på förbundets webbplats. Där beskrivs också hur man anmäler ett ärende till teamet i sin kommun.',
		publishedAt: '2018-09-25T09:00:00+02:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'frukostmote-natur-och-tradgard',
		title: 'Natur och trädgård i fokus på höstens första frukostmöte',
		lead: '55 personer kom till frukostmötet i Upplands Väsby den 9 oktober. Temat var hur natur och trädgård kan vara ett stöd i rehabiliteringen.',
		body:
			'Naturtemat märktes redan i dörren, eftersom samlingssalen var dekorerad med höstlöv och frukt. Först ut bland talarna var en hälsopedagog och en arbetscoach från Nacka kommuns Hälsoträdgård, som berättade hur de hjälper människor att hitta kraften att gå vidare.\n\n' +
			'Därefter presenterades Eko-odlarna i Telje, ett kooperativ där både människor och grödor får växa. Verksamhetens handledare, som tidigare var projektledare där, berättade hur kooperativet har vuxit fram.\n\n' +
			'Fem lokala verksamheter fick också berätta hur de använder natur och trädgård i sin rehabilitering i dag, eller hur de planerar att göra det. Forskning visar att tid i naturen gör oss friskare, och naturbaserad rehabilitering är därför en värdefull del av den arbetslivsinriktade rehabiliteringen.',
		publishedAt: '2018-10-11T09:00:00+02:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'samre-fordjupar-samarbetet-med-varden',
		title: 'SAMRE fördjupar samarbetet med vården inför implementeringen',
		lead: 'Under hösten har SAMRE – Samordnad rehabilitering besökt vårdcentraler och psykiatri i förbundets kommuner. I början av oktober hölls dessutom en workshop med Ramböll om hur arbetssättet ska bli en del av ordinarie verksamhet.',
		body:
			'För SAMRE:s deltagare, som är sjukskrivna utan sjukpenning, spelar vården en nyckelroll. Den 6 september besökte SAMRE Runby vårdcentral i Upplands Väsby för att samtala om vad det innebär att leva på ekonomiskt bistånd och om den sjukskrivande läkarens betydelse. Hur läkarintyget är formulerat avgör ofta om en deltagare kan komma vidare till insatser hos andra myndigheter.\n\n' +
			'Den 14 september hölls ett andra samverkansmöte med Psykiatri Nordväst i Sollentuna, där enhetschefen, en kurator och flera läkare deltog. Samtalet handlade om vilka myndigheter som har insatser som passar målgruppen och hur vården och SAMRE tillsammans kan göra dem lättare att nå.\n\n' +
			'Vid workshoppen med Ramböll träffades ett tjugotal chefer och medarbetare från de berörda organisationerna, bland dem psykiatrimottagningarna i Upplands Väsby och Sollentuna. Med dialog och övningar diskuterades vad som är viktigt och genomförbart, och var dagens samarbete skaver. – Viljan att göra det bättre för målgruppen är stark, och när vi vet mer om varandras uppdrag blir samverkan enklare, säger projektledaren Maja Ekström.\n\n' +
			'Ledstjärnan är rätt person med rätt underlag till rätt myndighet. Implementeringen pågår under hela projekttiden, eftersom forskningen visar att den frågan behöver finnas med från början i komplexa utvecklingsarbeten.',
		publishedAt: '2018-10-16T10:00:00+02:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'lunchseminarium-om-asf',
		title: 'Välbesökt lunchseminarium om arbetsintegrerande sociala företag',
		lead: 'Ett fyrtiotal politiker, tjänstemän och företagare deltog när förbundet och Coompanion bjöd in till lunchseminarium den 19 november. Temat var arbetsintegrerande sociala företag, ASF.',
		body:
			'Under seminariet presenterade sig företrädare för de tio sociala företagen i förbundets område. Deltagarna fick också höra personliga berättelser om vägen från arbetssökande till anställd, där ett ASF har gjort skillnaden.\n\n' +
			'Vinsten är inte bara personlig. Socioekonomiska bokslut visar att samhällets vinst kan ligga mellan 200 000 kronor och en miljon kronor per person och år när någon får arbete med hjälp av ett socialt företag.\n\n' +
			'I samband med seminariet presenterade förbundet också en ny rapport om sociala företag i Sollentuna, Upplands Väsby och Sigtuna. Rapporten finns att läsa på förbundets webbplats.',
		publishedAt: '2018-11-22T09:00:00+01:00',
		sharedWithRegion: true
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'frukostmote-om-insatsen-for-unga',
		title: 'Engagerad publik gav idéer till den nya insatsen för unga',
		lead: 'Cirka 60 personer deltog i frukostmötet den 4 december om förbundets nya insats för unga. Publiken bidrog med många konkreta förslag och tips.',
		body:
			'Samordnaren för insatsen, Sara Nyberg, berättade hur arbetet har kommit i gång och om planerna för mötesplatsen i Upplands Väsby. Insatsen vänder sig till unga mellan 16 och 29 år som varken arbetar eller studerar och som behöver stöd från flera håll.\n\n' +
			'En stor del av morgonen ägnades åt samtal, och deltagarna delade med sig av idéer om hur man når de unga och vad som får dem att vilja komma tillbaka. Alla förslag tas nu med i det fortsatta arbetet.\n\n' +
			'Ett uppskattat inslag var när föreningen Attention presenterade sin verksamhet. Attention arbetar för personer med neuropsykiatriska funktionsnedsättningar och deras anhöriga och kan bli en viktig samarbetspart för insatsen.',
		publishedAt: '2018-12-06T09:00:00+01:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'samre-upphandlar-hos-vioni',
		title: 'SAMRE upphandlar förrehabilitering hos VioNi i Märsta',
		lead: 'Insatsen SAMRE – Samordnad rehabilitering har upphandlat förrehabiliterande platser hos det arbetsintegrerande sociala företaget VioNi. Platserna finns på Sigtuna Hantverkshus.',
		body:
			'VioNi i Märsta är ett socialt företag där deltagarna i lugn takt får pröva vad de klarar av i arbetslivet. Företaget har flera verksamhetsgrenar, och de platser som nu har upphandlats finns på Sigtuna Hantverkshus.\n\n' +
			'På hantverkshuset finns en remake-verkstad där gammalt och överblivet material blir till nya saker, som fågelmatare och förvaringslådor. Där renoveras också gamla möbler, och en sliten stol kan med ny färg och nytt tyg bli som ny.\n\n' +
			'Precis som i SAMRE:s övriga upphandlingar är uppföljning och dokumentation en viktig del av uppdraget. Målet är att deltagarens arbetsförmåga ska bli tydligt beskriven, så att nästa steg i rehabiliteringen blir rätt.',
		publishedAt: '2018-12-17T10:00:00+01:00'
	},
	{
		forbund: 'sus',
		region: 'stockholm',
		slug: 'varens-frukostmoten-2019',
		title: 'Välkommen till vårens frukostmöten 2019',
		lead: 'Även i vår bjuder förbundet in till frukostmöten för alla som arbetar med rehabilitering och samverkan i Sollentuna, Upplands Väsby och Sigtuna.',
		body:
			'Vårens första frukostmöte planeras till mars och ska handla om hur de sociala företagen och myndigheterna kan samarbeta ännu bättre. Vi återkommer med datum, plats och program så snart allt är klart.\n\n' +
			'Efter höstens möten om natur och trädgård och om insatsen för unga har vi fått många önskemål om nya teman. Har du förslag på ämnen eller talare? Hör gärna av dig till förbundets kansli.',
		publishedAt: '2019-01-21T09:00:00+01:00',
		status: 'draft'
	},

	// ---------------------------------------------------------------------------
	// Arvika-Eda samordningsförbund
	// ---------------------------------------------------------------------------
	{
		forbund: 'arvika-eda',
		region: 'varmland-dalsland',
		slug: 'nyheter-fran-konferenser-och-besok',
		title: 'Här delar vi nyheter och intryck från konferenser och besök',
		lead: 'På den här sidan kommer förbundet att berätta om nyheter, intressanta uppslag och det vi tar med oss från konferenser och studiebesök.',
		body:
			'Som samordningsförbund deltar vi ofta i konferenser, nätverksträffar och besök hos andra verksamheter. Mycket av det vi får höra är värt att sprida vidare till medlemmarna och till alla som arbetar med rehabilitering i Arvika och Eda.\n\n' +
			'Här kommer vi därför att lägga ut korta sammanfattningar och tips. Har du själv något du vill berätta om, till exempel en lyckad samverkan eller en intressant föreläsning? Kontakta oss, så hjälper vi till att sprida det.',
		publishedAt: '2019-12-09T10:00:00+01:00'
	},
	{
		forbund: 'arvika-eda',
		region: 'varmland-dalsland',
		slug: 'forelasning-dubbeldiagnoser-och-trauma',
		title: 'Ett 40-tal deltog i föreläsning om dubbeldiagnoser och trauma',
		lead: 'Den 16 januari samlades ett 40-tal deltagare i Arvika för att lära sig mer om dubbeldiagnoser, missbruk och trauma. Föreläsningen hölls av en erfaren föreläsare med 40 års erfarenhet av klinisk behandling och utbildning.',
		body:
			'Publiken kom från Arvika och Eda kommuner, Försäkringskassan och Arbetsförmedlingen. Föreläsningen gav både ny kunskap och mycket att fundera vidare på i det dagliga arbetet.\n\n' +
			'Ett vanligt problem är att patienter avbryter sin behandling genom att agera ut, något som ofta tolkas som gränslöshet. Enligt föreläsaren handlar det i stället ofta om ett trauma som efter en tid tar sig uttryck i en flashback. Om behandlaren kan känna igen det som utlöser flashbacken går mycket att förebygga eller hantera.\n\n' +
			'Föreläsaren lyfte också att arbetslivsinriktad rehabilitering ofta misslyckas för att personen har svårt med relationer. Relationer bygger på social rehabilitering och trygg anknytning, men i dag finns få insatser som arbetar just med det.\n\n' +
			'Budskapet var tydligt: behovet av traumakunskap är stort. Fler behandlare behöver utbildning och stöd för att kunna möta personer med trauma på rätt sätt.',
		publishedAt: '2020-01-22T09:00:00+01:00'
	},
	{
		forbund: 'arvika-eda',
		region: 'varmland-dalsland',
		slug: 'skr-vill-ha-exempel-pa-sociala-foretag',
		title: 'SKR vill ha exempel på samverkan med sociala företag',
		lead: 'SKR driver ett projekt för att kommuner och regioner ska samarbeta mer med sociala företag. Nu efterfrågas goda exempel och synpunkter, senast den 14 februari.',
		body:
			'I oktober 2019 beviljades SKR medel ur Tillväxtverkets strategiska utlysning, som är kopplad till den nationella strategin för sociala företag. Projektet pågår till den 31 oktober 2020 och ska bidra till att offentlig sektor känner till och anlitar sociala företag i större utsträckning än i dag. Projektet är ettårigt, men SKR ser det som början på ett långsiktigt arbete.\n\n' +
			'En viktig del är en handbok och inspirationsbok om hur kommuner och regioner kan samverka med sociala företag. Skrivandet leds av en utredare vid Region Örebro län. På SKR finns en projektgrupp med utredare inom arbetsmarknad, upphandling och civilsamhälle, och en referensgrupp med jurister, näringslivsutvecklare och berörda chefer.\n\n' +
			'Projektet vill samla så många exempel och erfarenheter som möjligt. Det kan gälla fungerande samverkan, som mötesstrukturer, upphandlingar och avtal, framgångsrika sociala företag eller kommunala och regionala styrdokument. Man vill också veta vilka förutsättningar som krävs, vilka juridiska och ekonomiska hinder som finns och hur mötesplatser mellan offentlig sektor och sociala företag kan byggas upp.\n\n' +
			'Kontakta förbundet om du vill ha frågorna och veta vart svaren ska skickas. Handboken publiceras i september 2020 och presenteras tillsammans med projektets övriga lärdomar på en slutkonferens i Stockholm den 2 oktober.',
		publishedAt: '2020-01-29T10:00:00+01:00'
	},
	{
		forbund: 'arvika-eda',
		region: 'varmland-dalsland',
		slug: 'samverkan-i-varmland',
		title: 'Sex samordningsförbund samverkar i Värmland och Dalsland',
		lead: 'Arvika-Eda samordningsförbund är ett av sex förbund som arbetar tillsammans under paraplyet Finsam Värmland–Dalsland. Samarbetet har redan gett flera gemensamma projekt.',
		body:
			'Förutom Arvika-Eda ingår Samspelet i Karlstad med flera kommuner, Fryksdalens samordningsförbund, Klarälvdalens samordningsförbund, Östra Värmlands samordningsförbund och BÅDESÅ. Genom att arbeta tillsammans kan förbunden driva större utvecklingsarbeten och lära av varandra.\n\n' +
			'Under 2019 avslutades två gemensamma projekt, Omställning och Insikt. Erfarenheterna finns samlade i rapporter från slutkonferensen och i filmer på förbundens gemensamma webbplats.\n\n' +
			'Ett av de tydligaste resultaten av samarbetet är det stora ESF-projektet ExperioWorklab. Mer information om projektet finns hos Region Värmland.',
		publishedAt: '2020-02-11T09:00:00+01:00',
		sharedWithRegion: true
	},
	{
		forbund: 'arvika-eda',
		region: 'varmland-dalsland',
		slug: 'slutkonferens-sociala-foretag',
		title: 'Intryck från slutkonferensen om samverkan med sociala företag',
		lead: 'Den 2 oktober presenterade SKR resultatet av sitt projekt om kommuners och regioners samverkan med sociala företag. Förbundet följde konferensen, och här kommer några intryck.',
		body:
			'Under konferensen presenterades den nya handboken om hur kommuner och regioner kan samarbeta med sociala företag. Den innehåller exempel från hela landet på upphandlingar, avtal och mötesplatser.\n\n' +
			'Vi sammanfattar de viktigaste lärdomarna och vad de kan betyda för Arvika och Eda i en kommande text. Fram till dess går det bra att höra av sig till förbundet med frågor.',
		publishedAt: '2020-10-05T09:00:00+02:00',
		status: 'draft'
	},

	// ---------------------------------------------------------------------------
	// Other förbund
	// ---------------------------------------------------------------------------
	{
		forbund: 'roslagen',
		region: 'stockholm',
		slug: 'forbundet-vaxer-med-fler-kommuner',
		title: 'Förbundet växer med fler medlemskommuner',
		lead: 'Samordningsförbundet Roslagen, tidigare Södra Roslagen, har utvidgats och fått fler kommuner som medlemmar. Därmed kan fler invånare i Roslagen ta del av samordnade rehabiliteringsinsatser.',
		body:
			'Utvidgningen har föregåtts av en längre dialog mellan förbundet och de kommuner som nu ansluter. De nya medlemmarna kommer in på samma villkor som de nuvarande, tillsammans med Försäkringskassan, Arbetsförmedlingen och Region Stockholm.\n\n' +
			'Förbundschefen berättade om utvidgningen vid det gemensamma presidiemötet för länets samordningsförbund i höstas. Där väckte den intresse hos de andra förbunden, som också vill att fler kommuner i länet ska omfattas av finansiell samordning.\n\n' +
			'Vill du veta mer om hur förbundet arbetar? På vår webbplats finns en kort informationsfilm om förbundet och våra insatser.',
		publishedAt: '2019-12-10T09:00:00+01:00'
	},
	{
		forbund: 'sundbyberg',
		region: 'stockholm',
		slug: 'sundbyberg-ansluter-till-insatskatalogen',
		title: 'Sundbyberg ansluter till Insatskatalogen',
		lead: 'Samordningsförbundet i Sundbyberg ansluter nu till Insatskatalogen. Där kan handläggare och andra yrkesverksamma enkelt hitta insatser för arbetslivsinriktad rehabilitering.',
		body:
			'Insatskatalogen är en digital översikt över insatser som erbjuds av kommunen, Arbetsförmedlingen, Försäkringskassan, regionen och förbundet. Tyngdpunkten ligger på arbetsrehabiliterande insatser, men även annat stöd finns beskrivet.\n\n' +
			'Samtliga samordningsförbund i Stockholms län är nu anslutna till katalogen eller på väg att ansluta. För den som möter personer i behov av stöd från flera håll blir det enklare att få en samlad bild av vad som finns, oavsett vilken organisation man själv arbetar i.\n\n' +
			'Under våren kommer förbundet att presentera katalogen på arbetsplatsträffar hos medlemmarna. Vi tar gärna emot synpunkter på hur den kan bli ännu bättre.',
		publishedAt: '2019-12-16T09:00:00+01:00'
	},
	{
		forbund: 'sodertalje',
		region: 'stockholm',
		slug: 'vi-fragar-om-vald',
		title: 'Södertälje deltar i det nationella projektet Vi frågar om våld',
		lead: 'Samordningsförbundet i Södertälje är en av piloterna i projektet Vi frågar om våld. Projektet drivs av Nationella nätverket för samordningsförbund, NNS.',
		body:
			'Projektet bygger på ett regeringsuppdrag och genomförs genom flera piloter runt om i landet. Tanken är att frågor om våld i nära relationer ska bli en naturlig del av arbetet med dem som deltar i förbundens insatser.\n\n' +
			'Våld i nära relationer kan vara ett dolt hinder på vägen mot arbete eller studier. När personalen vågar fråga och vet vart de kan hänvisa, ökar möjligheten att ge rätt stöd i tid.\n\n' +
			'I länet deltar även Samordningsförbundet Sundbyberg. Erfarenheterna från piloterna ska spridas till övriga förbund, så att fler kan ta del av det som fungerar.',
		publishedAt: '2020-02-03T09:00:00+01:00'
	},
	{
		forbund: 'klaralvdalen',
		region: 'varmland-dalsland',
		slug: 'verksamhetsplan-2024',
		title: 'Verksamhetsplan för 2024 med fokus på unga vuxna',
		lead: 'Styrelsen för Klarälvdalens samordningsförbund har antagit verksamhetsplan och budget för 2024. Fokus ligger på unga vuxna och på personer som har varit sjukskrivna länge.',
		body:
			'Verksamhetsplanen bygger på de behov som medlemmarna lyfte under hösten, bland annat vid förbundets medlemsdialog. Kommunerna, Region Värmland, Försäkringskassan och Arbetsförmedlingen är överens om att samverkan kring unga vuxna utan sysselsättning behöver stärkas.\n\n' +
			'Under året fortsätter förbundet att finansiera de insatser som redan är i gång, och ett nytt utvecklingsarbete kring långtidssjukskrivna startar. Samarbetet med de andra förbunden inom Finsam Värmland–Dalsland fortsätter också.\n\n' +
			'Verksamhetsplanen finns att läsa på förbundets webbplats. Har du frågor eller idéer är du välkommen att höra av dig till förbundschefen.',
		publishedAt: '2024-02-12T09:00:00+01:00'
	},

	// ---------------------------------------------------------------------------
	// Regional items
	// ---------------------------------------------------------------------------
	{
		forbund: null,
		region: 'stockholm',
		slug: 'jamt-med-finsam-vecka-42',
		title: 'Jämt med Finsam – Finsamveckan lyfte jämställdhet',
		lead: 'Under vecka 42 genomförde samordningsförbunden i norra delen av Stockholms län Finsamveckan Jämt med Finsam. Temat var jämställdhet.',
		body:
			'Veckan bjöd på föreläsningar om jämställdhet i arbetet med rehabilitering och samverkan. Föreläsningarna var välbesökta och fick goda omdömen, även om det hade funnits plats för ännu fler deltagare.\n\n' +
			'Under veckan presenterade även projektet DEV sin verksamhet. Det gav deltagarna en inblick i hur ett av länets projekt arbetar i praktiken.\n\n' +
			'Finsamveckan är en gemensam informationssatsning från förbunden i norra länet. Just nu pågår en utvärdering, och erfarenheterna tas med när nästa Finsamvecka planeras.',
		publishedAt: '2019-10-28T09:00:00+01:00'
	},
	{
		forbund: null,
		region: 'stockholm',
		slug: 'regional-asf-samordnare-och-asf-dagen',
		title: 'Regional ASF-samordnare och gemensam ASF-dag den 19 november',
		lead: 'Länets samordningsförbund satsar gemensamt på samverkan med arbetsintegrerande sociala företag. Den 19 november står alla förbund som medarrangörer till ASF-dagen.',
		body:
			'De förbund som ingår i ESF-projektet MIA delar på en regional samordnare för arbetsintegrerande sociala företag, ASF. Samordnaren Lina Bergkvist ska underlätta kontakterna mellan företagen och förbundens insatser, så att fler deltagare kan få arbetsträning och jobb i sociala företag.\n\n' +
			'ASF-dagen den 19 november samlar sociala företag, myndigheter, kommuner och politiker. Dagen är ett tillfälle att lära känna företagen, höra om deras erfarenheter och knyta nya kontakter.\n\n' +
			'Att samtliga förbund i länet står bakom dagen visar hur viktiga de sociala företagen har blivit. De är ofta det första steget mot arbete för personer som länge har stått utanför arbetsmarknaden.',
		publishedAt: '2019-11-05T09:00:00+01:00'
	},
	{
		forbund: null,
		region: 'stockholm',
		slug: 'insatskatalogen-i-hela-lanet',
		title: 'Insatskatalogen snart i hela länet',
		lead: 'Alla samordningsförbund i Stockholms län är anslutna till Insatskatalogen eller på väg att ansluta. Katalogen samlar insatser som kan hjälpa personer närmare arbete.',
		body:
			'I Insatskatalogen beskrivs främst arbetsrehabiliterande insatser, men även andra typer av stöd finns med. Katalogen gör det lättare för handläggare och andra yrkesverksamma att hitta rätt insats, oavsett vilken myndighet som erbjuder den.\n\n' +
			'Den 21 november lanseras katalogen i ytterligare ett förbund, och Sundbyberg ansluter senare i år. Utvecklingsarbetet fortsätter parallellt, och katalogen förbättras efter hand.\n\n' +
			'Förbundens presidier har betonat att katalogen måste bli känd för att göra nytta. Förbunden kommer därför att följa hur mycket den används och arbeta aktivt med att sprida kunskap om den.',
		publishedAt: '2019-11-20T09:00:00+01:00'
	},
	{
		forbund: null,
		region: 'stockholm',
		slug: 'mia-soker-forlangning',
		title: 'MIA söker förlängning – nu med alla åtta förbund i länet',
		lead: 'ESF-projektet MIA har lämnat in en ansökan om förlängning till Europeiska socialfonden. Den nya ansökan omfattar samtliga åtta samordningsförbund i Stockholms län samt Lidingö och Upplands-Bro.',
		body:
			'MIA är ett gemensamt projekt för flera av länets samordningsförbund. Projektchefen Jonas Hedlund har presenterat läget i projektet för förbundens presidier, tillsammans med planerna för en förlängning.\n\n' +
			'Om ansökan beviljas blir MIA ett projekt för hela länet, där även två kommuner utanför förbundens nuvarande medlemskrets ingår. Det ställer krav på en ännu bättre samverkan mellan förbunden.\n\n' +
			'Presidierna har också diskuterat behovet av insatser som går att föra över till ordinarie verksamhet, och av strukturer där flera insatser kan drivas parallellt. En annan viktig fråga är att projekt behöver kunna finansieras tillräckligt länge för att det ska gå att visa vad som verkligen ger resultat.',
		publishedAt: '2019-12-03T09:00:00+01:00'
	},
	{
		forbund: null,
		region: 'varmland-dalsland',
		slug: 'erfarenheter-fran-omstallning-och-insikt',
		title: 'Erfarenheter från Omställning och Insikt finns nu samlade',
		lead: 'Rapporter och filmer från de gemensamma projekten Omställning och Insikt finns nu på Finsam Värmland–Dalslands webbplats. Materialet kan användas fritt i verksamheterna.',
		body:
			'Båda projekten drevs gemensamt av de sex samordningsförbunden i Värmland och Dalsland och avslutades under 2019. Vid slutkonferensen redovisades resultaten, och dokumentationen finns nu samlad på ett ställe.\n\n' +
			'Filmerna passar bra som underlag vid arbetsplatsträffar och i styrelsernas arbete. Där berättar både deltagare och medarbetare om vad som fungerade och vad som var svårt.\n\n' +
			'Lärdomarna från projekten tas med i det fortsatta arbetet, bland annat i ESF-projektet ExperioWorklab. Förbunden fortsätter att utveckla sitt gemensamma arbete inom Finsam Värmland–Dalsland.',
		publishedAt: '2020-02-20T09:00:00+01:00'
	}
];
