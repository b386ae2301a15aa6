// News on the server: the news list, the archive, tag pages, an article and its print view, search,
// the editor's list and item, and the RSS and Atom feeds.
export {
	loadArchiveYear,
	loadArchiveYears,
	loadArticlePage,
	loadArticlePrint,
	loadTag,
	type ArchiveYearData,
	type ArchiveYearsData,
	type ArticlePageData,
	type ArticlePrintData,
	type TagData
} from './archive.ts';
export {
	editorItemActions,
	editorListActions,
	loadEditorItem,
	loadEditorList,
	type EditorItemData,
	type EditorListData
} from './editor.ts';
export { atom, rss } from './feeds.ts';
export { loadNewsList, type NewsListData } from './news.ts';
export { loadSearch, type SearchData } from './search.ts';
