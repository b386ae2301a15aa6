// GENERATED_NOTICE
export { loadCatalogue as load } from '@regionportalen/site-kit/insatser/server';
