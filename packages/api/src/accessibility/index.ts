// The accessibility statement (tillgänglighetsredogörelse) of every site and the reports of
// accessibility problems that visitors send.
export { canEditAccessibility } from './access.ts';
export { accessibilityRouter, REPORTS_PATH } from './router.ts';
export { HUB_NAME } from './site.ts';
export { MAX_GAPS, reportFieldsSchema, statementSchema } from './schemas.ts';
export { personalData } from './personal-data.ts';
