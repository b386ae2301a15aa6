// News: a förbund's and a region's items, their editing, archive, feeds and search.
export { archiveRouter } from './archive-router.ts';
export { canEditForbundNews, canEditNews, canEditRegionNews } from './access.ts';
export { NEWS_PAGE_SIZE, newsRouter } from './router.ts';
export { searchRouter } from './search-router.ts';
export { newsOfInsats, newsOfProject } from './insats-news.ts';
export { personalData } from './personal-data.ts';
