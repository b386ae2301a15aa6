// GENERATED_NOTICE
export { loadMinutesSearch as load } from '@regionportalen/site-kit/minutes/server';
