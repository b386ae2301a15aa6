// GENERATED_NOTICE
export { loadNotes as load, notesActions as actions } from '@regionportalen/site-kit/asf/server';
