export const TEMPLATE_DATABASE = 'rp_template';

declare module 'vitest' {
	export interface ProvidedContext {
		/** URL of the test server's maintenance database; test files derive their own from it. */
		testServerUrl: string;
	}
}
