// The registered sites: förbund and regions, as every page's layout reads them.
export { sitesRouter } from './router.ts';
