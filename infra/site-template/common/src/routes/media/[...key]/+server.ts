// GENERATED_NOTICE
export { media as GET } from '@regionportalen/site-kit/server/routes/media';
