// GENERATED_NOTICE
import { createHandle } from '@regionportalen/site-kit/server/hooks';
import site from '../site.config.ts';

export const handle = createHandle(site);
export { handleServerError as handleError } from '@regionportalen/site-kit/server/errors';
