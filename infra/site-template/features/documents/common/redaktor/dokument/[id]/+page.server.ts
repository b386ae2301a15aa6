// GENERATED_NOTICE
export {
	loadDocumentEditorItem as load,
	documentEditorItemActions as actions
} from '@regionportalen/site-kit/documents/server';
