// GENERATED_NOTICE
export { robots as GET } from '@regionportalen/site-kit/core/server';
