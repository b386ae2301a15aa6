// GENERATED_NOTICE
export { exportCsv as GET } from '@regionportalen/site-kit/insatser/server';
