// GENERATED_NOTICE
export { loadSearch as load } from '@regionportalen/site-kit/news/server';

// The search field's suggestions are a script (the form works without it).
export const csr = true;
