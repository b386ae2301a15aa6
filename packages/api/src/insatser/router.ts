import { insatsCatalogueRouter } from './catalogue-router.ts';
import { insatsEditorRouter } from './editor-router.ts';

// One router for the domain, in two parts that share no procedure names.
export const insatserRouter = { ...insatsEditorRouter, ...insatsCatalogueRouter };
