export const TEMPLATE_DATABASE = 'rp_template';

/** The servers' login in tests: a member of rp_app, so row-level security applies to it. */
export const TEST_APP_LOGIN = { user: 'rp_test_web', password: 'rp-test-web' };

/** The worker's login in tests: a member of rp_worker. */
export const TEST_WORKER_LOGIN = { user: 'rp_test_worker', password: 'rp-test-worker' };

declare module 'vitest' {
	export interface ProvidedContext {
		/** URL of the test server's maintenance database; test files derive their own from it. */
		testServerUrl: string;
	}
}
