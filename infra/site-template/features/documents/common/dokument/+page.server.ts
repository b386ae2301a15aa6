// GENERATED_NOTICE
export { loadDocumentLibrary as load } from '@regionportalen/site-kit/documents/server';
