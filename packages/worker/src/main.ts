import { startWorker, workerOptionsFromEnv } from './worker.ts';

// `node packages/worker/src/main.ts`: the worker process (`pnpm start` runs one beside the sites).

const worker = await startWorker(workerOptionsFromEnv());
console.log('The worker is running: sending the outbox, running scheduled jobs and extracting documents.');
let stopping = false;
const stop = async () => {
	if (stopping) return;
	stopping = true;
	await worker.stop();
	process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// Started by the portal: go when it goes, even if it was killed without a chance to stop us.
if (process.env.RP_EXIT_WITH_PARENT) {
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) void stop();
	}, 1000).unref();
}
