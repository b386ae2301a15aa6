// Insatser: what a förbund finances, as a public catalogue carrying Uppföljning Finsam's categories,
// with its editorial review, money and results in aggregate, exports and usage.
export { insatserRouter } from './router.ts';
export { assertLinkableInsats, insatsChoices } from './links.ts';
export { canApproveInsats, canEditInsats } from './access.ts';
export {
	ADMIN_PATH as INSATS_ADMIN_PATH,
	CATEGORIES_FIXED_MESSAGE,
	EDITOR_PATH as INSATS_EDITOR_PATH
} from './editor-router.ts';
export { personalData } from './personal-data.ts';
