import { accessibilityRouter } from './accessibility/index.ts';
import { adminRouter, usersRouter } from './accounts/index.ts';
import { asfRouter } from './asf/index.ts';
import { contentRouter } from './content/index.ts';
import { createTRPCRouter } from './core/index.ts';
import { documentsRouter } from './documents/index.ts';
import { insatserRouter } from './insatser/index.ts';
import { mailRouter } from './mail/index.ts';
import { minutesRouter } from './minutes/index.ts';
import { privacyRouter } from './privacy/index.ts';
import { projectsRouter } from './projects/index.ts';
import { archiveRouter, newsRouter, searchRouter } from './news/index.ts';
import { sitesRouter } from './sites/index.ts';

export const appRouter = createTRPCRouter({
	accessibility: accessibilityRouter,
	admin: adminRouter,
	asf: asfRouter,
	archive: archiveRouter,
	content: contentRouter,
	documents: documentsRouter,
	insatser: insatserRouter,
	mail: mailRouter,
	minutes: minutesRouter,
	news: newsRouter,
	privacy: privacyRouter,
	projects: projectsRouter,
	search: searchRouter,
	sites: sitesRouter,
	users: usersRouter
});

export type AppRouter = typeof appRouter;
