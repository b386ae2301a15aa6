// GENERATED_NOTICE
import { trpcEndpoint } from '@regionportalen/site-kit/core/server';

export const GET = trpcEndpoint;
export const POST = trpcEndpoint;
