// GENERATED_NOTICE
export { whoBuysWhatCsv as GET } from '@regionportalen/site-kit/asf/server';
