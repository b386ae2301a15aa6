// The ASF pages on the server: the public directory and an enterprise's page, the notes, the
// enterprise's own link page, and the register the region's ASF-samordnare keeps (on the hub).
export * from './public.ts';
export * from './register.ts';
