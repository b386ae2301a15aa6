// The catalogue on the server: its pages' loads, the referral form, the exports, and the usage
// counter the site's hooks place before the page cache.
export * from './stub.ts';
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
