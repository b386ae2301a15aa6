// GENERATED_NOTICE
export { loadMeetingPrint as load } from '@regionportalen/site-kit/server/routes/minutes';
