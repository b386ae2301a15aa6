// The registered sites: förbund and regions, as every page's layout reads them, and their features.
export { canSetRegionFeatures } from './access.ts';
export { sitesRouter } from './router.ts';
