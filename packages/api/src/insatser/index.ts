// Insatser: what a förbund finances, as a public catalogue carrying Uppföljning Finsam's categories,
// with its editorial review, money and results in aggregate, exports and usage.
export { insatserRouter } from './router.ts';
export { assertLinkableInsats, insatsChoices } from './links.ts';
