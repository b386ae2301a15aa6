// ASF coordination: the region's register of work-integrating social enterprises, its public
// directory on the hub and every förbund's site, the enterprises' own reports of free places, and
// the internal notes, and the förbund's requests for places.
export { asfRouter } from './router.ts';
export { canAskForPlace, canKeepRegister, canLeaveNote, canReadNotes, canReadRequests } from './access.ts';
export { requestPath } from './requests-router.ts';
export { enterprisePath } from './directory.ts';
export { parseOrgNumber } from './org-number.ts';
export {
	buyerName,
	unusedFundedPlaces,
	whoBuysWhatTable,
	type UnusedFundedPlace,
	type WhoBuysWhatRow
} from './agreements.ts';
export { canReadAgreementInternals } from './agreements-access.ts';
export { personalData } from './personal-data.ts';
