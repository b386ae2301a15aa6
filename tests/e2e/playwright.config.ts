import { defineConfig } from '@playwright/test';
import { SMTP_PORT } from './mail.ts';
import { HUB, PG_PORT, PORT_OFFSET } from './portal.ts';

// A real browser (Debian's Chromium; Playwright's own download cannot work on this network) against
// the built servers over real HTTP. The portal is started once for the run; tests share its data,
// so they run one at a time and each writes its own, uniquely named, items.
export default defineConfig({
	testDir: 'specs',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 30_000,
	reporter: process.env.CI ? 'list' : [['list']],
	use: {
		baseURL: HUB,
		locale: 'sv-SE',
		timezoneId: 'Europe/Stockholm',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	// Started before the portal: an SMTP capture for the servers' mail, and the Nu HTML checker.
	globalSetup: ['./mail-capture.ts', './html-checker.ts'],
	webServer: {
		command: `node ../../infra/scripts/portal.ts --mode built --port-offset ${PORT_OFFSET} --data-dir ../../.data/e2e-postgres-${PG_PORT} --pg-port ${PG_PORT} --reset`,
		url: `${HUB}/`,
		timeout: 120_000,
		reuseExistingServer: false,
		// Tests publish and then look at once; the servers' few-second page cache would hide that.
		// Mail goes through the outbox and the worker over real SMTP to the run's capture server
		// (mail-capture.ts); one sender, so that two mails to one address arrive in the order queued.
		env: { PAGE_CACHE_SECONDS: '0', SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, MAIL_CONCURRENCY: '1' },
		// A SIGTERM lets the runner stop its servers and PostgreSQL before it exits.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
