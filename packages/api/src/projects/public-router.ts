import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ownerSchema, publicProcedure, resolveOwner, slugSchema } from '../core/index.ts';
import { newsOfProject } from '../news/index.ts';
import { listPublished, projectPath, publishedProject, publishedSlugs } from './page.ts';

// The public side: the projects of the hub's region or a partner's site, a project's page, sitemaps.

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Projektet finns inte.' });
const ownerInput = z.object({ owner: ownerSchema });

export const projectPublicRouter = {
	/** The region's published projects (the hub), or those a förbund takes part in (its site). */
	list: publicProcedure.input(ownerInput).query(async ({ ctx, input }) => {
		const scope = await resolveOwner(ctx, input.owner);
		const items = await listPublished(ctx.db, scope);
		return items.map((item) => ({ ...item, path: projectPath(item.slug) }));
	}),

	/** A project's page: on a partner's site with its own delprojekt first; its figures masked under 5. */
	page: publicProcedure.input(ownerInput.extend({ slug: slugSchema })).query(async ({ ctx, input }) => {
		const scope = await resolveOwner(ctx, input.owner);
		const project = await publishedProject(ctx.db, scope, input.slug);
		if (!project) throw notFound();
		// Which förbund's site asks (null: the hub), so the page links within it where it can.
		return { ...project, site_forbund_id: scope.forbundId, news: await newsOfProject(ctx.db, project.id) };
	}),

	/** The addresses of the published projects a site shows, for its sitemap. */
	sitemap: publicProcedure.input(ownerInput).query(async ({ ctx, input }) => {
		return publishedSlugs(ctx.db, await resolveOwner(ctx, input.owner));
	})
} satisfies TRPCRouterRecord;
