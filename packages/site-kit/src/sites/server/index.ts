// The sites' own pages on the server: the hub's and a förbund's start page, and a region's page.
export {
	loadForbundStart,
	loadHubStart,
	loadRegion,
	type ForbundStartData,
	type HubStartData,
	type RegionData
} from './start.ts';
export { loadMenuAdmin, menuAdminActions, type MenuAdminData } from './menu.ts';
