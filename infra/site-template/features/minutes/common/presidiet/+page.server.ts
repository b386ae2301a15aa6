// GENERATED_NOTICE
export { loadMinutesList as load } from '@regionportalen/site-kit/minutes/server';
