// Documents on the server: the library page, the editor's list (with upload) and item (edit,
// delete), and the file addresses other domains' pages need to show documents (an insats's).
export {
	documentEditorItemActions,
	documentEditorListActions,
	loadDocumentEditorItem,
	loadDocumentEditorList,
	loadDocumentLibrary,
	loadInsatsDocuments,
	withFileUrls,
	type DocumentEditorItemData,
	type DocumentEditorListData,
	type DocumentLibraryData,
	type LibraryDocument
} from './library.ts';
