// GENERATED_NOTICE
import { createHandle } from '@regionportalen/site-kit/core/server';
import { insatsUsageCounter } from '@regionportalen/site-kit/insatser/server';
import site from '../site.config.ts';

// The catalogue's usage is counted before the page cache, so a cached page counts too.
export const handle = createHandle(site, { beforeCache: [insatsUsageCounter(site)] });
export { handleServerError as handleError } from '@regionportalen/site-kit/core/server';
