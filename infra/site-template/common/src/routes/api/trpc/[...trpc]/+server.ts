// GENERATED_NOTICE
import { trpcEndpoint } from '@regionportalen/site-kit/server/api';

export const GET = trpcEndpoint;
export const POST = trpcEndpoint;
