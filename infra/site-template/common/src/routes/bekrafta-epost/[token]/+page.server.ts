// GENERATED_NOTICE
export {
	loadConfirmEmail as load,
	confirmEmailActions as actions
} from '@regionportalen/site-kit/server/routes/recovery';

// A plain HTML form page: no JavaScript needed.
export const csr = false;
