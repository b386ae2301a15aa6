import { newsRouter } from './router/news.ts';
import { sitesRouter } from './router/sites.ts';
import { createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
	news: newsRouter,
	sites: sitesRouter
});

export type AppRouter = typeof appRouter;
