// Documents: the public document library of a förbund or region, and of an insats.
export { canEditDocuments } from './access.ts';
export { DOCUMENTS_PAGE_SIZE, documentsRouter } from './router.ts';
export { DOCUMENT_CANDIDATES, searchDocuments, type DocumentHit, type DocumentSearchResult } from './search.ts';
export { personalData } from './personal-data.ts';
