// Content pages: a förbund's (or a region's) Markdown pages in a tree, with revisions, attachments,
// an image, redirects from old addresses, and their part of the site search and sitemap.
export { canEditPages } from './access.ts';
export { publishedTree } from './queries.ts';
export { RESERVED_SLUGS } from './reserved.ts';
export { contentRouter, PAGE_HITS } from './router.ts';
export { personalData } from './personal-data.ts';
