// The registered sites: förbund and regions, as every page's layout reads them, and their features.
export { canArrangeMenu, canSetRegionFeatures } from './access.ts';
export type { MenuEntry, MenuLink } from './menu.ts';
export { sitesRouter } from './router.ts';
export { personalData } from './personal-data.ts';
