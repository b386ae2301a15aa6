import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { createCaller } from '../src/index.ts';
import { appRouter } from '../src/root.ts';
import {
	asfCallersFor,
	callersFor,
	insatsCallersFor,
	minutesCallersFor,
	seedAsfStaff,
	seedCatalogueAdmin,
	seedPresidium,
	testOrgNumber
} from './helpers.ts';

// Every write leaves an audit entry. The mutations are read from the router itself, so a new one
// without a case here fails this test; each runs once as someone allowed to, and must add an entry.
// No entry may hold an e-mail address: the log names people by id.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const presidium = await seedPresidium(owner, fx);
const catalogueA = await seedCatalogueAdmin(owner, fx);
const asfStaff = await seedAsfStaff(owner, fx);
const as = {
	...callersFor(db, fx),
	...minutesCallersFor(db, fx, presidium),
	...insatsCallersFor(db, fx, catalogueA),
	...asfCallersFor(db, fx, asfStaff)
};

const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
	.filter(([, procedure]) => procedure._def.type === 'mutation')
	.map(([path]) => path);

const hex = (n: number) => n.toString(16).padStart(32, '0');
let serial = 0;
const unique = () => ++serial;

const fields = { title: 'Loggad nyhet', lead: '', body: 'Text.', sharedWithRegion: false };
const draft = () => as.editorA.news.create({ ...fields, title: `Loggad nyhet ${unique()}`, owner: { forbund: 'a' } });
const page = () => as.editorA.content.create({ title: `Loggad sida ${unique()}`, owner: { forbund: 'a' } });
const meetingContent = () => ({
	title: `Loggat möte ${unique()}`,
	starts_at: new Date('2024-11-14T15:00:00Z'),
	ends_at: new Date('2024-11-14T17:00:00Z'),
	place: 'Förbundets lokaler',
	host_forbund_id: fx.forbund.a,
	attendees: [{ name: 'Anna Ordförande', forbund_id: fx.forbund.a, role: 'ordforande' as const }],
	items: [],
	actions: []
});
const meeting = () => as.coordinatorNorr.minutes.create({ region: 'norr', content: meetingContent() });
async function publishedMeeting() {
	const id = await approved();
	await as.coordinatorNorr.minutes.publish({ id });
	return id;
}
const newInvitation = () =>
	as.adminA.admin.invite({ email: `ny${unique()}@test.example`, role: 'editor', forbundId: fx.forbund.a });
async function invitedMembership() {
	await newInvitation();
	const { people } = await as.adminA.admin.people({ scope: { kind: 'forbund', id: fx.forbund.a } });
	return people.find((p) => p.invited && p.email.startsWith('ny'))!.memberships[0]!.id;
}

const documentFields = {
	title: 'Loggat dokument',
	documentDate: '2026-05-04',
	kind: 'rapport' as const,
	diarienummer: '',
	description: '',
	insatsId: null
};
const orgNumber = () => testOrgNumber(unique());
const NO = { met: false, note: '' };
const asfFields = (name: string) => ({
	name,
	orgNumber: orgNumber(),
	legalForm: 'ekonomisk_forening' as const,
	criteria: { syfte: NO, delaktighet: NO, aterinvestering: NO, oberoende: NO }
});
const enterprise = () => as.asfNorr.asf.create({ region: 'norr', fields: asfFields(`Loggat företag ${unique()}`) });
const askForPlace = () =>
	as.staffA.asf.askForPlace({
		forbund: 'a',
		fields: { placeKind: 'praktik', ageBand: '18-24', municipality: 'Solna', wishedStart: '2027-03-01' }
	});
const proposedRequest = async () => {
	const [request, row] = await Promise.all([askForPlace(), enterprise()]);
	return as.asfNorr.asf.proposeEnterprise({ id: request.id, version: request.version, enterpriseId: row.id });
};
const agreementFields = (enterpriseId: number) => ({
	enterpriseId,
	title: `Loggat avtal ${unique()}`,
	buyerKind: 'forbund' as const,
	buyerForbundId: fx.forbund.a,
	form: 'lou' as const,
	startsOn: '2026-01-01',
	endsOn: '2026-12-31',
	valueSek: 100_000
});
const agreement = (enterpriseId: number) =>
	as.asfNorr.asf.agreementCreate({ region: 'norr', fields: agreementFields(enterpriseId) });
/** A document of region norr's library (the owner's insert: the region's editors are not the point here). */
const regionDocument = async () =>
	(
		await owner
			.insertInto('document')
			.values({
				region_id: fx.regions.norr,
				title: `Loggat avtalsdokument ${unique()}`,
				document_date: '2026-01-15',
				kind: 'ovrigt',
				storage_key: `files/audit-avtal-${unique()}`,
				filename: 'avtal.pdf',
				size_bytes: 1000
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
const uploaded = () => as.editorA.documents.create({ ...documentFields, ...pdf('files'), owner: { forbund: 'a' } });

const project = () => as.editorA.projects.create({ name: `Loggat projekt ${unique()}`, owner: { forbund: 'a' } });
async function submittedProject() {
	const item = await project();
	await as.editorA.projects.submit({ id: item.id });
	return item;
}
async function firstPhase() {
	const item = await project();
	return (await as.editorA.projects.forEdit({ id: item.id })).phases[0]!.id;
}
async function projectIndicator() {
	const item = await project();
	return as.editorA.projects.saveIndicator({ projectId: item.id, label: 'Till arbete', unit: '%' });
}

/**
 * Each mutation's case: it sets up what the call needs, and returns the call itself (made by
 * someone allowed to), so that only the call's own entries are looked at.
 */
type Case = () => Promise<() => Promise<unknown>>;
const image = () => ({ key: `images/${hex(unique())}`, width: 960, height: 640, alt: 'En bild' });
const pdf = (prefix: 'files' | 'private') => ({
	key: `${prefix}/${hex(unique())}/bilaga.pdf`,
	filename: 'Bilaga.pdf',
	size: 1000
});
// A visitor's report is rate-limited per client: each from an address of its own.
const reporter = createCaller({ db, user: null, session: null, clientAddress: '192.0.2.50' });
const report = () => ({
	site: { forbund: 'a' },
	description: `Loggad rapport ${unique()}`,
	name: 'Rapportör',
	email: 'rapportor@test.example'
});
const approved = async () => {
	const { id, version } = await meeting();
	await as.coordinatorNorr.minutes.approve({ id, version, adjusters: ['Anna Ordförande'] });
	return id;
};
const category = await owner.selectFrom('insats_precise_category').select('id').orderBy('id').executeTakeFirstOrThrow();
const insatsFields = {
	name: 'Loggad insats',
	inriktning: 'individinriktad' as const,
	preciseCategoryId: category.id,
	followUp: 'endast_antal' as const,
	esf: false
};
const insats = () => as.editorA.insatser.create({ ...insatsFields, name: `Loggad insats ${unique()}`, forbund: 'a' });
async function submittedInsats() {
	const item = await insats();
	return as.editorA.insatser.submit({ id: item.id });
}
async function publishedInsats() {
	const item = await submittedInsats();
	return as.catalogueA.insatser.approve({ id: item.id });
}
const CASES: Record<string, Case> = {
	'insatser.create': async () => () => insats(),
	'insatser.update': async () => {
		const item = await insats();
		return () => as.editorA.insatser.update({ ...insatsFields, id: item.id, version: item.version, summary: 'Ny' });
	},
	'insatser.setState': async () => {
		const item = await insats();
		return () =>
			as.editorA.insatser.setState({ id: item.id, version: item.version, lifeStatus: 'pagaende', intake: 'ja' });
	},
	'insatser.submit': async () => {
		const item = await insats();
		return () => as.editorA.insatser.submit({ id: item.id });
	},
	'insatser.sendBack': async () => {
		const item = await submittedInsats();
		return () => as.catalogueA.insatser.sendBack({ id: item.id, comment: 'Komplettera.' });
	},
	'insatser.approve': async () => {
		const item = await submittedInsats();
		return () => as.catalogueA.insatser.approve({ id: item.id });
	},
	'insatser.unpublish': async () => {
		const item = await publishedInsats();
		return () => as.catalogueA.insatser.unpublish({ id: item.id });
	},
	'insatser.markReviewed': async () => {
		const item = await publishedInsats();
		return () => as.catalogueA.insatser.markReviewed({ id: item.id });
	},
	'insatser.restore': async () => {
		const item = await insats();
		const saved = await as.editorA.insatser.update({
			...insatsFields,
			id: item.id,
			version: item.version,
			summary: 'Två'
		});
		const [, first] = await as.editorA.insatser.revisions({ id: item.id });
		return () => as.editorA.insatser.restore({ id: item.id, revisionId: first!.id, version: saved.version });
	},
	'insatser.saveYear': async () => {
		const item = await insats();
		return () => as.editorA.insatser.saveYear({ id: item.id, year: 2026, plannedParticipants: 20 });
	},
	'insatser.removeYear': async () => {
		const item = await insats();
		await as.editorA.insatser.saveYear({ id: item.id, year: 2026, plannedParticipants: 20 });
		return () => as.editorA.insatser.removeYear({ id: item.id, year: 2026 });
	},
	'insatser.setReferral': async () => {
		const item = await insats();
		return () => as.editorA.insatser.setReferral({ id: item.id, version: item.version, ...pdf('files') });
	},
	'insatser.removeReferral': async () => {
		const item = await insats();
		const { item: saved } = await as.editorA.insatser.setReferral({
			id: item.id,
			version: item.version,
			...pdf('files')
		});
		return () => as.editorA.insatser.removeReferral({ id: item.id, version: saved.version });
	},
	'insatser.addPreciseCategory': async () => () =>
		as.platformAdmin.insatser.addPreciseCategory({
			inriktning: 'individinriktad',
			label: `Loggad kategori ${unique()}`
		}),
	'news.create': async () => () => draft(),
	'news.update': async () => {
		const item = await draft();
		return () => as.editorA.news.update({ ...fields, id: item.id, version: item.version, title: 'Ändrad rubrik' });
	},
	'news.restore': async () => {
		const item = await draft();
		const saved = await as.editorA.news.update({
			...fields,
			id: item.id,
			version: item.version,
			title: 'Andra lydelsen'
		});
		const [, first] = await as.editorA.news.revisions({ id: item.id });
		return () => as.editorA.news.restore({ id: item.id, revisionId: first!.id, version: saved.version });
	},
	'news.setImage': async () => {
		const item = await draft();
		return () => as.editorA.news.setImage({ id: item.id, version: item.version, ...image() });
	},
	'news.removeImage': async () => {
		const item = await draft();
		const withImage = await as.editorA.news.setImage({ id: item.id, version: item.version, ...image() });
		return () => as.editorA.news.removeImage({ id: item.id, version: withImage.version });
	},
	'news.addAttachment': async () => {
		const item = await draft();
		return () => as.editorA.news.addAttachment({ id: item.id, ...pdf('files') });
	},
	'news.removeAttachment': async () => {
		const item = await draft();
		const attachment = await as.editorA.news.addAttachment({ id: item.id, ...pdf('files') });
		return () => as.editorA.news.removeAttachment({ id: item.id, attachmentId: attachment.id });
	},
	'news.publish': async () => {
		const { id } = await draft();
		return () => as.editorA.news.publish({ id });
	},
	'news.schedule': async () => {
		const { id } = await draft();
		return () => as.editorA.news.schedule({ id, publishAt: new Date(Date.now() + 86_400_000) });
	},
	'news.unpublish': async () => {
		const { id } = await draft();
		await as.editorA.news.publish({ id });
		return () => as.editorA.news.unpublish({ id });
	},
	'news.archive': async () => {
		const { id } = await draft();
		return () => as.editorA.news.archive({ id });
	},
	'content.create': async () => () => page(),
	'content.update': async () => {
		const p = await page();
		return () =>
			as.editorA.content.update({ id: p.id, version: p.version, title: 'Ändrad sida', slug: `flyttad-${unique()}` });
	},
	'content.restore': async () => {
		const p = await page();
		const saved = await as.editorA.content.update({
			id: p.id,
			version: p.version,
			title: 'Andra lydelsen',
			slug: p.slug
		});
		const [, first] = await as.editorA.content.revisions({ id: p.id });
		return () => as.editorA.content.restore({ id: p.id, revisionId: first!.id, version: saved.version });
	},
	'content.setImage': async () => {
		const p = await page();
		return () => as.editorA.content.setImage({ id: p.id, version: p.version, ...image() });
	},
	'content.removeImage': async () => {
		const p = await page();
		const withImage = await as.editorA.content.setImage({ id: p.id, version: p.version, ...image() });
		return () => as.editorA.content.removeImage({ id: p.id, version: withImage.version });
	},
	'content.addAttachment': async () => {
		const p = await page();
		return () => as.editorA.content.addAttachment({ id: p.id, ...pdf('files') });
	},
	'content.removeAttachment': async () => {
		const p = await page();
		const attachment = await as.editorA.content.addAttachment({ id: p.id, ...pdf('files') });
		return () => as.editorA.content.removeAttachment({ id: p.id, attachmentId: attachment.id });
	},
	'content.publish': async () => {
		const { id } = await page();
		return () => as.editorA.content.publish({ id });
	},
	'content.unpublish': async () => {
		const { id } = await page();
		await as.editorA.content.publish({ id });
		return () => as.editorA.content.unpublish({ id });
	},
	'content.remove': async () => {
		const { id } = await page();
		return () => as.editorA.content.remove({ id });
	},
	'minutes.create': async () => () => meeting(),
	'minutes.update': async () => {
		const { id, version } = await meeting();
		return () => as.coordinatorNorr.minutes.update({ id, version, content: meetingContent() });
	},
	'minutes.approve': async () => {
		const { id, version } = await meeting();
		return () => as.coordinatorNorr.minutes.approve({ id, version, adjusters: ['Anna Ordförande'] });
	},
	'minutes.publish': async () => {
		const id = await approved();
		return () => as.coordinatorNorr.minutes.publish({ id });
	},
	'minutes.setPublic': async () => {
		const id = await publishedMeeting();
		return () => as.coordinatorNorr.minutes.setPublic({ id, public: true });
	},
	'minutes.correct': async () => {
		const id = await publishedMeeting();
		return () => as.coordinatorNorr.minutes.correct({ id, reason: 'Fel datum i protokollet' });
	},
	'minutes.addAttachment': async () => {
		const { id } = await meeting();
		return () => as.coordinatorNorr.minutes.addAttachment({ id, ...pdf('private') });
	},
	'minutes.removeAttachment': async () => {
		const { id } = await meeting();
		const attachment = await as.coordinatorNorr.minutes.addAttachment({ id, ...pdf('private') });
		return () => as.coordinatorNorr.minutes.removeAttachment({ id, attachmentId: attachment.id });
	},
	'accessibility.saveStatement': async () => () =>
		as.adminA.accessibility.saveStatement({
			site: { forbund: 'a' },
			compliance: 'partial',
			assessmentMethod: 'self',
			preparedOn: '2026-11-01',
			gaps: [{ description: 'Gamla PDF-filer.', legalBasis: 'out_of_scope' }]
		}),
	'accessibility.report': async () => () => reporter.accessibility.report(report()),
	'accessibility.updateReport': async () => {
		const { id } = await reporter.accessibility.report(report());
		return () => as.adminA.accessibility.updateReport({ site: { forbund: 'a' }, id, status: 'answered' });
	},
	'documents.create': async () => () => uploaded(),
	'privacy.export': async () => () => as.platformAdmin.privacy.export({ subject: { email: 'loggad@extern.example' } }),
	'privacy.erase': async () => () =>
		as.platformAdmin.privacy.erase({ subject: { email: 'loggad@extern.example' }, confirm: 'RADERA' }),
	'documents.update': async () => {
		const { id } = await uploaded();
		return () => as.editorA.documents.update({ id, ...documentFields, title: 'Loggat dokument, ny titel' });
	},
	'documents.delete': async () => {
		const { id } = await uploaded();
		return () => as.editorA.documents.delete({ id });
	},
	'projects.create': async () => () => project(),
	'projects.update': async () => {
		const item = await project();
		return () => as.editorA.projects.update({ id: item.id, version: item.version, name: `${item.name} ny` });
	},
	'projects.submit': async () => {
		const item = await project();
		return () => as.editorA.projects.submit({ id: item.id });
	},
	'projects.sendBack': async () => {
		const item = await submittedProject();
		return () => as.adminA.projects.sendBack({ id: item.id, comment: 'Komplettera budgeten.' });
	},
	'projects.approve': async () => {
		const item = await submittedProject();
		return () => as.adminA.projects.approve({ id: item.id });
	},
	'projects.unpublish': async () => {
		const item = await submittedProject();
		await as.adminA.projects.approve({ id: item.id });
		return () => as.adminA.projects.unpublish({ id: item.id });
	},
	'projects.savePhase': async () => {
		const item = await project();
		return () => as.editorA.projects.savePhase({ projectId: item.id, name: 'Fas två' });
	},
	'projects.removePhase': async () => {
		const item = await project();
		const phase = await as.editorA.projects.savePhase({ projectId: item.id, name: 'Fas två' });
		return () => as.editorA.projects.removePhase({ id: phase.id });
	},
	'projects.savePartner': async () => {
		const phase = await firstPhase();
		return () => as.editorA.projects.savePartner({ phaseId: phase, forbund: 'b', role: 'samverkanspart' });
	},
	'projects.removePartner': async () => {
		const phase = await firstPhase();
		const partner = await as.editorA.projects.savePartner({
			phaseId: phase,
			organisation: 'Coompanion',
			role: 'samarbetspart'
		});
		return () => as.editorA.projects.removePartner({ id: partner.id });
	},
	'projects.saveFunding': async () => {
		const phase = await firstPhase();
		return () =>
			as.editorA.projects.saveFunding({ phaseId: phase, partnerId: null, year: 2025, form: 'pengar', amount: 100 });
	},
	'projects.removeFunding': async () => {
		const phase = await firstPhase();
		const row = await as.editorA.projects.saveFunding({
			phaseId: phase,
			partnerId: null,
			year: 2025,
			form: 'pengar',
			amount: 100
		});
		return () => as.editorA.projects.removeFunding({ id: row.id });
	},
	'projects.saveIndicator': async () => {
		const item = await project();
		return () => as.editorA.projects.saveIndicator({ projectId: item.id, label: 'Till arbete', unit: '%' });
	},
	'projects.removeIndicator': async () => {
		const indicator = await projectIndicator();
		return () => as.editorA.projects.removeIndicator({ id: indicator.id });
	},
	'projects.saveIndicatorYear': async () => {
		const indicator = await projectIndicator();
		return () =>
			as.editorA.projects.saveIndicatorYear({ indicatorId: indicator.id, year: 2025, target: 30, actual: 20 });
	},
	'projects.removeIndicatorYear': async () => {
		const indicator = await projectIndicator();
		await as.editorA.projects.saveIndicatorYear({ indicatorId: indicator.id, year: 2025, target: 30, actual: 20 });
		return () => as.editorA.projects.removeIndicatorYear({ indicatorId: indicator.id, year: 2025 });
	},
	'projects.saveMilestone': async () => {
		const item = await project();
		return () => as.editorA.projects.saveMilestone({ projectId: item.id, label: 'Start', dueOn: '2025-01-01' });
	},
	'projects.removeMilestone': async () => {
		const item = await project();
		const milestone = await as.editorA.projects.saveMilestone({
			projectId: item.id,
			label: 'Start',
			dueOn: '2025-01-01'
		});
		return () => as.editorA.projects.removeMilestone({ id: milestone.id });
	},
	'insatser.setDelprojekt': async () => {
		const phase = await firstPhase();
		const item = await insats();
		return () => as.editorA.insatser.setDelprojekt({ id: item.id, version: item.version, projectPhaseId: phase });
	},
	'asf.create': async () => () => enterprise(),
	'asf.update': async () => {
		const row = await enterprise();
		return () => as.asfNorr.asf.update({ id: row.id, version: row.version, fields: asfFields(`${row.name} ny`) });
	},
	'asf.setPlaces': async () => {
		const row = await enterprise();
		return () => as.asfNorr.asf.setPlaces({ id: row.id, places: [{ kind: 'praktik', max: 3, free: 1 }] });
	},
	'asf.setImage': async () => {
		const row = await enterprise();
		return () => as.asfNorr.asf.setImage({ id: row.id, version: row.version, ...image() });
	},
	'asf.removeImage': async () => {
		const row = await enterprise();
		const saved = await as.asfNorr.asf.setImage({ id: row.id, version: row.version, ...image() });
		return () => as.asfNorr.asf.removeImage({ id: row.id, version: saved.version });
	},
	'asf.renewLink': async () => {
		const row = await enterprise();
		return () => as.asfNorr.asf.renewLink({ id: row.id });
	},
	'asf.importCsv': async () => () =>
		as.asfNorr.asf.importCsv({
			region: 'norr',
			csv: `Namn;Organisationsnummer\nImporterat ${unique()};${orgNumber()}\n`
		}),
	'asf.reportByLink': async () => {
		const row = await enterprise();
		const { token } = await as.asfNorr.asf.renewLink({ id: row.id });
		return () => as.anonymous.asf.reportByLink({ token, counts: null });
	},
	'asf.addNote': async () => {
		const row = await enterprise();
		return () => as.staffA.asf.addNote({ enterpriseId: row.id, body: 'Ett besök i dag.' });
	},
	'asf.agreementCreate': async () => {
		const row = await enterprise();
		return () => agreement(row.id);
	},
	'asf.agreementUpdate': async () => {
		const { agreement: a } = await agreement((await enterprise()).id);
		return () =>
			as.asfNorr.asf.agreementUpdate({
				id: a.id,
				version: a.version,
				fields: { ...agreementFields(a.enterprise_id), title: 'Ändrat avtal' }
			});
	},
	'asf.agreementSetPlaces': async () => {
		const { agreement: a } = await agreement((await enterprise()).id);
		return () => as.asfNorr.asf.agreementSetPlaces({ id: a.id, places: [{ kind: 'praktik', places: 2 }] });
	},
	'asf.agreementLinkDocument': async () => {
		const { agreement: a } = await agreement((await enterprise()).id);
		const documentId = await regionDocument();
		return () => as.asfNorr.asf.agreementLinkDocument({ id: a.id, documentId });
	},
	'asf.agreementUnlinkDocument': async () => {
		const { agreement: a } = await agreement((await enterprise()).id);
		const documentId = await regionDocument();
		await as.asfNorr.asf.agreementLinkDocument({ id: a.id, documentId });
		return () => as.asfNorr.asf.agreementUnlinkDocument({ id: a.id, documentId });
	},
	'asf.askForPlace': async () => () => askForPlace(),
	'asf.proposeEnterprise': async () => {
		const [request, row] = await Promise.all([askForPlace(), enterprise()]);
		return () => as.asfNorr.asf.proposeEnterprise({ id: request.id, version: request.version, enterpriseId: row.id });
	},
	'asf.recordRequestStep': async () => {
		const proposed = await proposedRequest();
		return () =>
			as.asfNorr.asf.recordRequestStep({
				id: proposed.id,
				version: proposed.version,
				step: 'besok',
				happenedAt: '2027-01-05T10:00'
			});
	},
	'asf.withdrawRequest': async () => {
		const request = await askForPlace();
		return () => as.staffA.asf.withdrawRequest({ id: request.id, version: request.version });
	},
	'sites.setRegionFeatures': async () => () => as.platformAdmin.sites.setRegionFeatures({ region: 'norr', off: [] }),
	'sites.saveMenu': async () => () => as.adminA.sites.saveMenu({ owner: { forbund: 'a' }, keys: ['feature:news'] }),
	'admin.invite': async () => () => newInvitation(),
	'admin.resendInvitation': async () => {
		const membershipId = await invitedMembership();
		return () => as.adminA.admin.resendInvitation({ membershipId });
	},
	'admin.revoke': async () => {
		const membershipId = await invitedMembership();
		return () => as.adminA.admin.revoke({ membershipId });
	}
};

const entries = () => owner.selectFrom('audit_log').selectAll().orderBy('id').execute();

describe('the audit log', () => {
	it('has a case for every mutation of the router', () => {
		expect(mutations.length).toBeGreaterThan(20);
		expect(mutations.filter((path) => !(path in CASES))).toEqual([]);
	});

	it.each(mutations)('%s leaves an entry of its own when allowed', async (path) => {
		const setUp = CASES[path];
		if (!setUp) return; // reported by the test above
		const call = await setUp();
		const last = (await entries()).at(-1)?.id ?? '0';
		await call();
		const written = (await entries()).filter((e) => BigInt(e.id) > BigInt(last));
		const verb = path.startsWith('admin.') ? 'membership.' : `${path.split('.')[0]}.`;
		expect(written.map((e) => e.action)).toContainEqual(
			expect.stringMatching(new RegExp(`^${verb.replace('.', '\\.')}`))
		);
	});

	it('names people by id only: no entry holds an e-mail address', async () => {
		const all = await entries();
		expect(all.length).toBeGreaterThan(20);
		expect(all.some((e) => e.subject_id !== null)).toBe(true);
		for (const entry of all) {
			expect(`${entry.summary} ${JSON.stringify(entry.detail)}`, entry.action).not.toMatch(/[^\s@]+@[^\s@]+\.[a-z]/i);
		}
		expect(Object.keys(all[0]!)).not.toContain('actor_email');
	});
});
