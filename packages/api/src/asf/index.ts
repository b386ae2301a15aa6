// ASF coordination: the region's register of work-integrating social enterprises, its public
// directory on the hub and every förbund's site, the enterprises' own reports of free places, and
// the internal notes.
export { asfRouter } from './router.ts';
export { canKeepRegister, canLeaveNote, canReadNotes } from './access.ts';
export { enterprisePath } from './directory.ts';
export { parseOrgNumber } from './org-number.ts';
