export * from './editor.ts';
