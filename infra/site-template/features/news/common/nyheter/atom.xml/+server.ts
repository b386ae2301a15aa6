// GENERATED_NOTICE
export { atom as GET } from '@regionportalen/site-kit/news/server';
