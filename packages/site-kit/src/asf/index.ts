// ASF coordination in the browser: the values' names.
export * from './labels.ts';
