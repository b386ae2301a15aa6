// GENERATED_NOTICE
export { loadMeetingPrint as load } from '@regionportalen/site-kit/minutes/server';
