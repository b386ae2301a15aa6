import type { TRPCRouterRecord } from '@trpc/server';

// The document library: a site's (and an insats's) public PDFs with their extracted text.
export const documentsRouter = {} satisfies TRPCRouterRecord;
