// GENERATED_NOTICE
export { loadSearch as load } from '@regionportalen/site-kit/server/routes/search';

// The search field's suggestions are a script (the form works without it).
export const csr = true;
