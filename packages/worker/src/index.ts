export { startWorker, workerOptionsFromEnv, type Worker, type WorkerOptions } from './worker.ts';
export { latestDue, tick, TIME_ZONE, type Schedule } from './scheduler.ts';
export { SCHEDULES, TASKS } from './tasks.ts';
export {
	DEFAULT_EXTRACTION_LIMITS,
	extractNextDocument,
	extractPdf,
	startDocumentExtractor,
	type Extraction,
	type ExtractionLimits
} from './documents.ts';
export { runAsfWatch } from './asf-watch.ts';
