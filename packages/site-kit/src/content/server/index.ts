// Content pages on the server: the catch-all route's page (with its redirects), and the editor's
// list and item.
export {
	loadPageEditorItem,
	loadPageEditorList,
	pageEditorItemActions,
	pageEditorListActions,
	type PageEditorItemData,
	type PageEditorListData
} from './editor.ts';
export { loadContentPage, type ContentPageData } from './page.ts';
