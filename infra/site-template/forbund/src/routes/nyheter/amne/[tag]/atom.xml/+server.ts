// GENERATED_NOTICE
export { atom as GET } from '@regionportalen/site-kit/server/routes/feeds';
