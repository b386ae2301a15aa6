// GENERATED_NOTICE
export { loadPageEditorItem as load, pageEditorItemActions as actions } from '@regionportalen/site-kit/content/server';

// The editor's live preview is a script (every form works without it).
export const csr = true;
