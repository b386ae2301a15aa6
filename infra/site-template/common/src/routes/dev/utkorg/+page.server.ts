// GENERATED_NOTICE
export { loadOutbox as load } from '@regionportalen/site-kit/core/server';
