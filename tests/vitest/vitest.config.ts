import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One Vitest run for the unit tests beside their sources and the integration tests against a real
// PostgreSQL: one server and one migrated template per run (see packages/db/src/testing).
export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
		globalSetup: ['packages/db/src/testing/global-setup.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
