// GENERATED_NOTICE
export {
	loadMinutesEditor as load,
	minutesEditorActions as actions
} from '@regionportalen/site-kit/server/routes/minutes';

// A plain HTML form page: no JavaScript, so nothing typed is overwritten while a script loads.
export const csr = false;
