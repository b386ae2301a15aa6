// GENERATED_NOTICE
export { securityTxtRoute as GET } from '@regionportalen/site-kit/core/server';
