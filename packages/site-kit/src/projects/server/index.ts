// Joint projects on the server: the public list and page (public.ts), and the editor's pages (editor.ts).
export * from './public.ts';
export * from './editor.ts';
