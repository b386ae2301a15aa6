// Joint projects: one project of a region, owned by one förbund, in phases with partners and their
// budget; each partner förbund's delprojekt is its insats. One row on the hub and every partner's site.
export { projectsRouter } from './router.ts';
export { canApproveProject, canWriteProject, canWriteProjectsOf } from './access.ts';
export { assertLinkableProject, phasesOfPartner, projectChoices } from './queries.ts';
export { PROJECT_EDITOR_PATH } from './editor-router.ts';
export { projectPath } from './page.ts';
export { personalData } from './personal-data.ts';
