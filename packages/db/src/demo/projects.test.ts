import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index.ts';
import { firstPhaseFunding, insertDemoProjects, MIA, MIA_FIRST_PARTNERS, MIA_VIDARE_PARTNERS } from './projects.ts';

// The demo's MIA: its first phase's budget adds up to the project's real totals, and every partner
// förbund gets its delprojekt in each phase it took part in.

describe('the demo project MIA', () => {
	it('budgets the first phase to the krona: 136,883,875 kr in all, 91,752,514 kr from the ESF', () => {
		const partners = new Map(
			[...MIA_FIRST_PARTNERS, 'Arbetsförmedlingen', 'Försäkringskassan'].map((name, i) => [name, i + 1])
		);
		const rows = firstPhaseFunding(1, partners);
		expect(rows.reduce((sum, r) => sum + r.amount, 0)).toBe(MIA.total);
		expect(rows.filter((r) => r.partner_id === null).reduce((sum, r) => sum + r.amount, 0)).toBe(MIA.esf);
		expect(rows.every((r) => r.amount > 0 && Number.isInteger(r.amount))).toBe(true);
	});

	it('seeds two phases with their partners and a published delprojekt per partner förbund and phase', async () => {
		const { owner } = await createTestDatabase();
		const { id: regionId } = await owner
			.insertInto('region')
			.values({ slug: 'stockholm', name: 'Stockholms län' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const forbundIds = new Map<string, { id: number; regionId: number }>();
		for (const slug of MIA_VIDARE_PARTNERS) {
			const { id } = await owner
				.insertInto('forbund')
				.values({ slug, region_id: regionId, name: `Samordningsförbundet ${slug}`, short_name: slug.toUpperCase() })
				.returning('id')
				.executeTakeFirstOrThrow();
			forbundIds.set(slug, { id, regionId });
		}
		await insertDemoProjects(owner, { forbundIds, author: () => null });

		const project = await owner.selectFrom('project').selectAll().executeTakeFirstOrThrow();
		expect(project).toMatchObject({ slug: 'mia', name: 'MIA', status: 'published', esf: true });
		const phases = await owner.selectFrom('project_phase').selectAll().orderBy('position').execute();
		expect(phases.map((p) => [p.name, p.esf_diarienummer])).toEqual([
			['MIA', '2016/00403'],
			['MIA Vidare', '2016/00403']
		]);
		const delprojekt = await owner
			.selectFrom('insats')
			.select(['project_phase_id', 'slug', 'status'])
			.where('project_phase_id', 'is not', null)
			.execute();
		expect(delprojekt.filter((d) => d.project_phase_id === phases[0]!.id)).toHaveLength(MIA_FIRST_PARTNERS.length);
		expect(delprojekt.filter((d) => d.project_phase_id === phases[1]!.id)).toHaveLength(8);
		expect(delprojekt.every((d) => d.status === 'published')).toBe(true);
		const funding = await owner
			.selectFrom('project_funding')
			.select((eb) => eb.fn.sum<string>('amount').as('total'))
			.where('phase_id', '=', phases[0]!.id)
			.executeTakeFirstOrThrow();
		expect(Number(funding.total)).toBe(MIA.total);
		const news = await owner.selectFrom('news').select('project_id').execute();
		expect(news).toEqual([{ project_id: project.id }]);
	});
});
