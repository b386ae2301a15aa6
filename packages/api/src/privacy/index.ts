// Personal data on request (GDPR articles 15 and 17): the registry of every domain's declaration,
// export and erasure of a person's data by their administrators, and the record of each request.
export { canHandlePersonalData, personalDataForbunds } from './access.ts';
export { PERSONAL_DATA_REGISTRY } from './registry.ts';
export { privacyRouter, REQUESTS_PAGE_SIZE } from './router.ts';
export { ERASE_CONFIRMATION } from './schemas.ts';
