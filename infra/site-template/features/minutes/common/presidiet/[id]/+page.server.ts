// GENERATED_NOTICE
export { loadMeeting as load } from '@regionportalen/site-kit/minutes/server';
