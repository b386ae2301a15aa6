// The privacy page's load: the site's facts and the retention times the code really uses.
export { loadPrivacyPage, type PrivacyPageData } from './privacy.ts';
// /admin/personuppgifter: personal data on request, its erasure action and the JSON export.
export {
	exportPersonalDataFile,
	loadPersonalDataRequests,
	personalDataActions,
	type PersonalDataRequestsData
} from './requests.ts';
