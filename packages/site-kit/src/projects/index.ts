// Joint projects in the browser: the values' names.
export * from './labels.ts';
