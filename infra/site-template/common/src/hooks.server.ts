// GENERATED_NOTICE
import { createHandle } from '@regionportalen/site-kit/core/server';
import site from '../site.config.ts';

export const handle = createHandle(site);
export { handleServerError as handleError } from '@regionportalen/site-kit/core/server';
