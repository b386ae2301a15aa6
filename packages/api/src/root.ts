import { adminRouter } from './router/admin.ts';
import { archiveRouter } from './router/archive.ts';
import { minutesRouter } from './router/minutes.ts';
import { newsRouter } from './router/news.ts';
import { searchRouter } from './router/search.ts';
import { sitesRouter } from './router/sites.ts';
import { usersRouter } from './router/users.ts';
import { createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
	admin: adminRouter,
	archive: archiveRouter,
	minutes: minutesRouter,
	news: newsRouter,
	search: searchRouter,
	sites: sitesRouter,
	users: usersRouter
});

export type AppRouter = typeof appRouter;
