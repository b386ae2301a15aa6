// What every domain builds on: tRPC's init and procedure tiers with the tenant transaction, the
// tenancy lookups, the rules' shared parts, the audit writer, shared schemas, Markdown, full-text
// search and the site-facts cache; and what items with a stored body, an image, attachments and
// revisions share (news, content pages). Domains import it from here only.
export * from './access.ts';
export * from './audit.ts';
export * from './body-html.ts';
export * from './full-text.ts';
export * from './images.ts';
export * from './markdown.ts';
export * from './schemas.ts';
export * from './site-facts.ts';
export * from './slug.ts';
export * from './tenancy.ts';
export * from './transformer.ts';
export * from './trpc.ts';
export { databaseRefusal, INTERNAL_ERROR_MESSAGE, type ErrorDetail } from './error-shape.ts';
export * from './versioned.ts';
export * from './attachments.ts';
export * from './features.ts';
export * from './small-counts.ts';
export * from './personal-data.ts';
export { personalData as auditPersonalData } from './audit-personal-data.ts';
