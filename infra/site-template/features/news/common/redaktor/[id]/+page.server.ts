// GENERATED_NOTICE
export { loadEditorItem as load, editorItemActions as actions } from '@regionportalen/site-kit/news/server';

// The editor's live preview and upload progress are scripts (every form works without them).
export const csr = true;
