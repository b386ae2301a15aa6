// GENERATED_NOTICE
export { media as GET } from '@regionportalen/site-kit/core/server';
