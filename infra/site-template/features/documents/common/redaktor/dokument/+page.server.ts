// GENERATED_NOTICE
export {
	loadDocumentEditorList as load,
	documentEditorListActions as actions
} from '@regionportalen/site-kit/documents/server';
