// The presidium room: a region's presidium meetings and their minutes.
export { canReadMinutes, canWriteMinutes, type MinutesScope } from './access.ts';
export { minutesRouter } from './router.ts';
export { personalData } from './personal-data.ts';
