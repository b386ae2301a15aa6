// Personal data on request (GDPR articles 15 and 17): the registry of every domain's declaration.
export { PERSONAL_DATA_REGISTRY } from './registry.ts';
