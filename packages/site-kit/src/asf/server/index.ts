// The ASF pages on the server: the public directory and an enterprise's page, the notes, the
// enterprise's own link page, the register the region's ASF-samordnare keeps (on the hub), and the
// förbund's requests for places with the regional overview.
export * from './public.ts';
export * from './register.ts';
export * from './requests.ts';
export * from './agreements.ts';
