import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// What the benchmarks share: processes that are always stopped (on failure and on Ctrl+C too), the
// checks before a run, and autocannon.

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const resultsDir = path.join(here, 'results');

export const log = (line: string) => console.log(line);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every process started, stopped on exit, on Ctrl+C and by stopAll. */
const children = new Set<ChildProcess>();

export function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs: number) {
	mkdirSync(resultsDir, { recursive: true });
	const logFile = path.join(resultsDir, `${name}.log`);
	const out = createWriteStream(logFile);
	const lineListeners: ((line: string) => void)[] = [];
	let partial = '';
	// process.execPath: the real Node binary (node_modules/.bin/node is a shell wrapper that a signal would not pass).
	const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
	children.add(child);
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			children.delete(child);
			resolve();
		})
	);
	const started = new Promise<void>((resolve, reject) => {
		let seen = '';
		let isReady = false;
		const timer = setTimeout(
			() => reject(new Error(`${name} did not start within ${timeoutMs / 1000} s (see ${logFile})`)),
			timeoutMs
		);
		const onData = (chunk: Buffer) => {
			out.write(chunk);
			if (isReady) return;
			seen = (seen + chunk.toString()).slice(-4000);
			if (ready.test(seen)) {
				isReady = true;
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', onData);
		child.stdout!.on('data', (chunk: Buffer) => {
			const parts = (partial + chunk.toString()).split('\n');
			partial = parts.pop() ?? '';
			for (const line of parts) for (const listener of lineListeners) listener(line);
		});
		child.stderr!.on('data', (chunk: Buffer) => out.write(chunk));
		void exited.then(() => {
			clearTimeout(timer);
			reject(
				new Error(`${name} exited before it was ready (exit ${child.exitCode ?? child.signalCode}); see ${logFile}`)
			);
		});
	});
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const killed = await Promise.race([exited.then(() => false), sleep(30_000).then(() => true)]);
			if (killed) child.kill('SIGKILL');
		}
		await exited;
		out.end();
	};
	/** Calls `listener` with each line the process writes to stdout from now on. */
	const onLine = (listener: (line: string) => void) => void lineListeners.push(listener);
	return { started, stop, logFile, onLine };
}

export async function stopAll() {
	for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
	const deadline = Date.now() + 30_000;
	while (children.size && Date.now() < deadline) await sleep(100);
	for (const child of children) child.kill('SIGKILL');
}

// A last resort when the bench itself goes: its children go too (the portal then stops its servers and PostgreSQL).
process.on('exit', () => {
	for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		log(`\n${signal}: stopping the portal and the baseline …`);
		void stopAll().finally(() => process.exit(130));
	});
}

export function assertBuilt() {
	const appsDir = path.join(repoRoot, 'apps');
	const missing = readdirSync(appsDir).filter(
		(name) =>
			existsSync(path.join(appsDir, name, 'site.config.ts')) &&
			!existsSync(path.join(appsDir, name, 'build/handler.js'))
	);
	if (missing.length) {
		throw new Error(
			`Not built: ${missing.map((m) => `apps/${m}`).join(', ')}. The bench measures the production builds and builds ` +
				'nothing itself: run `pnpm build` first.'
		);
	}
}

export function portInUse(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.setTimeout(1000);
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('timeout', () => (socket.destroy(), resolve(false)));
		socket.once('error', () => resolve(false));
	});
}

export async function assertPortsFree(ports: number[]) {
	const busy = (await Promise.all(ports.map(async (p) => ((await portInUse(p)) ? p : null)))).filter((p) => p !== null);
	if (busy.length) {
		throw new Error(
			`Port(s) ${busy.join(', ')} already in use on 127.0.0.1: is another bench (or portal at offset 300) running?`
		);
	}
}

export async function waitForPortFree(port: number, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (await portInUse(port)) {
		if (Date.now() > deadline)
			throw new Error(`Port ${port} is still in use ${timeoutMs / 1000} s after the portal stopped.`);
		await sleep(250);
	}
}

export async function fetchText(url: string): Promise<{ status: number; body: string; headers: Headers }> {
	const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
	return { status: response.status, body: await response.text(), headers: response.headers };
}

/** autocannon on one origin, each request to the path `nextPath` gives, for `duration` seconds. */
export function cannon(origin: string, nextPath: () => string, connections: number, duration: number) {
	return new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: origin,
				connections,
				duration,
				timeout: 10,
				requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }]
			},
			(error, result) => {
				clearTimeout(guard);
				if (error) reject(error instanceof Error ? error : new Error(String(error)));
				else resolve(result);
			}
		);
		// A run never outlives its duration by much; if it does, stop it (its results so far count).
		const guard = setTimeout(() => instance.stop(), (duration + 30) * 1000);
	});
}
