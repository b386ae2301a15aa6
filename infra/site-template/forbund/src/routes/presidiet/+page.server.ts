// GENERATED_NOTICE
export { loadMinutesList as load } from '@regionportalen/site-kit/server/routes/minutes';
