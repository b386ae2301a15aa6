// The privacy page's load: the site's facts and the retention times the code really uses.
export { loadPrivacyPage, type PrivacyPageData } from './privacy.ts';
