import type { TRPCRouterRecord } from '@trpc/server';

// The public side of the catalogue: filters and search, an insats's page, exports, usage.
export const insatsCatalogueRouter = {} satisfies TRPCRouterRecord;
