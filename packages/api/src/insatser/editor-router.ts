import type { TRPCRouterRecord } from '@trpc/server';

// The editorial side of the catalogue: writing, review, approval, revisions, years, reference data.
export const insatsEditorRouter = {} satisfies TRPCRouterRecord;
