// GENERATED_NOTICE
export { loadMeeting as load } from '@regionportalen/site-kit/server/routes/minutes';
