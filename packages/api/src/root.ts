import { newsRouter } from './router/news.ts';
import { sitesRouter } from './router/sites.ts';
import { usersRouter } from './router/users.ts';
import { createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
	news: newsRouter,
	sites: sitesRouter,
	users: usersRouter
});

export type AppRouter = typeof appRouter;
