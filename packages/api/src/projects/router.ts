import { projectEditorRouter } from './editor-router.ts';
import { projectPublicRouter } from './public-router.ts';
import { projectStructureRouter } from './structure-router.ts';

// One router for the domain, in three parts that share no procedure names.
export const projectsRouter = { ...projectEditorRouter, ...projectStructureRouter, ...projectPublicRouter };
