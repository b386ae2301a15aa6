// Insatser on the server: the editor's loads and actions; the catalogue's pages, the referral form,
// the exports, and the usage counter the site's hooks place before the page cache.
export * from './editor.ts';
export {
	exportCsv,
	exportJson,
	loadCatalogue,
	loadInsatsPage,
	loadUsage,
	referralDownload,
	type CatalogueData,
	type InsatsPageData,
	type UsageData
} from './catalogue.ts';
export { flushInsatsUsage, hitOf, insatsUsageCounter } from './usage-counter.ts';
