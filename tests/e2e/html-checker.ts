import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { PORT_OFFSET } from './portal.ts';

// The Nu HTML checker (vnu.jar, the validator behind validator.w3.org/nu), run once per test run as
// a local HTTP service so that every audited page is checked without starting Java again. It needs
// only a Java runtime (the bootstrap installs Debian's when missing); the package's own Java
// download is never run.

export const HTML_CHECKER_PORT = 5290 + PORT_OFFSET;
const CHECKER = `http://127.0.0.1:${HTML_CHECKER_PORT}/`;

export interface HtmlError {
	url: string;
	line: number | undefined;
	message: string;
	extract: string | undefined;
}

/** Playwright's global set-up: the checker's service, stopped again after the run. */
export default async function startHtmlChecker() {
	const jar = String(createRequire(import.meta.url)('vnu-jar'));
	const checker: ChildProcess = spawn(
		process.env.JAVA ?? 'java',
		[
			`-Dnu.validator.servlet.bind-address=127.0.0.1`,
			'-Xss1024k',
			'-cp',
			jar,
			'nu.validator.servlet.Main',
			String(HTML_CHECKER_PORT)
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	let log = '';
	checker.stderr?.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
	const exited = new Promise<never>((_, reject) =>
		checker.once('exit', (code) => reject(new Error(`The Nu HTML checker stopped (exit ${code}):\n${log}`)))
	);
	// Java starts slowly on a busy machine: wait for the service to answer, or for it to fail.
	const deadline = Date.now() + 120_000;
	await Promise.race([
		exited,
		(async () => {
			for (;;) {
				if (
					await fetch(CHECKER).then(
						(r) => r.ok,
						() => false
					)
				)
					return;
				if (Date.now() > deadline) throw new Error(`The Nu HTML checker did not start in 120 s:\n${log}`);
				await new Promise((r) => setTimeout(r, 250));
			}
		})()
	]).catch((e) => {
		checker.kill();
		throw e;
	});
	exited.catch(() => undefined);
	// The trap works: a document with a known error must be caught, or the audit would pass anything.
	const known = '<!doctype html><html lang="sv"><title>x</title><select required><option value="a">A</option></select>';
	if ((await htmlErrors('self-check', known)).length !== 1) {
		checker.kill();
		throw new Error('The Nu HTML checker did not find the known error in its self-check.');
	}
	return () => {
		checker.kill();
	};
}

/** The checker's errors for one document as served (warnings and notes are not errors). */
export async function htmlErrors(url: string, html: string): Promise<HtmlError[]> {
	const response = await fetch(`${CHECKER}?out=json`, {
		method: 'POST',
		headers: { 'content-type': 'text/html; charset=utf-8' },
		body: html
	});
	if (!response.ok) throw new Error(`The Nu HTML checker answered ${response.status} for ${url}`);
	const { messages } = (await response.json()) as {
		messages: { type: string; subType?: string; message: string; lastLine?: number; extract?: string }[];
	};
	return messages
		.filter((m) => m.type === 'error' || m.type === 'non-document-error')
		.map((m) => ({ url, line: m.lastLine, message: m.message, extract: m.extract }));
}
