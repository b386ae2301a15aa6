import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AwsClient } from 'aws4fetch';
import { InvalidKeyError } from './errors.ts';
import { assertValidKey, randomId } from './keys.ts';

// Where uploaded images and attachments live: one small interface, a folder on the server's disk
// (the default, for development and single-server installations) and an S3-compatible bucket for
// production. `storageFromEnv()` picks one from the environment.

export interface PutOptions {
	/** The name to offer when the file is downloaded (any Unicode); kept beside the object. */
	filename?: string;
}

export interface StoredObject {
	/** The content. Read it once (or hand it to a Response). */
	stream: ReadableStream<Uint8Array>;
	contentType: string;
	/** In bytes. */
	size: number;
	/** As given to `put`, if it was. */
	filename?: string;
}

export interface MediaStorage {
	/** Stores `bytes` under `key`, replacing anything there. */
	put(key: string, bytes: Uint8Array, contentType: string, options?: PutOptions): Promise<void>;
	/** The object under `key`, or null if there is none. */
	get(key: string): Promise<StoredObject | null>;
	/** Removes the object under `key`; nothing happens if there is none. */
	delete(key: string): Promise<void>;
}

/** Reads a stored object's whole content. */
export async function readAll(object: StoredObject): Promise<Uint8Array> {
	return new Uint8Array(await new Response(object.stream).arrayBuffer());
}

interface LocalMeta {
	contentType: string;
	filename?: string;
}

/**
 * A folder: the object under key `a/b.webp` is the file `<root>/a/b.webp`, its content type and
 * file name are in `<root>/.meta/a/b.webp.json`. Writes go to `<root>/.tmp` first and are renamed
 * into place, so a reader never sees half a file. Keys cannot start with '.', so neither folder is
 * reachable by a key.
 */
export class LocalStorage implements MediaStorage {
	readonly root: string;

	constructor(root: string) {
		this.root = path.resolve(root);
	}

	/** The file for a key, after checking the key and, once more, that the path stays inside root. */
	private file(key: string, under = ''): string {
		assertValidKey(key);
		const base = path.join(this.root, under);
		const file = path.resolve(base, ...key.split('/'));
		if (!file.startsWith(base + path.sep)) throw new InvalidKeyError(key);
		return file;
	}

	private metaFile(key: string): string {
		return this.file(key, '.meta') + '.json';
	}

	private async writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
		const tmpDir = path.join(this.root, '.tmp');
		await mkdir(tmpDir, { recursive: true });
		await mkdir(path.dirname(file), { recursive: true });
		const tmp = path.join(tmpDir, randomId());
		try {
			await writeFile(tmp, data);
			await rename(tmp, file);
		} catch (e) {
			await rm(tmp, { force: true });
			throw e;
		}
	}

	async put(key: string, bytes: Uint8Array, contentType: string, options: PutOptions = {}): Promise<void> {
		const file = this.file(key);
		const meta: LocalMeta = { contentType, ...(options.filename ? { filename: options.filename } : {}) };
		await this.writeAtomically(this.metaFile(key), JSON.stringify(meta));
		await this.writeAtomically(file, bytes);
	}

	async get(key: string): Promise<StoredObject | null> {
		const file = this.file(key);
		let handle;
		try {
			handle = await open(file, 'r');
		} catch (e) {
			if (isMissing(e)) return null;
			throw e;
		}
		try {
			const stat = await handle.stat();
			if (!stat.isFile()) {
				await handle.close();
				return null;
			}
			const meta = await this.readMeta(key);
			const stream = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
			return { stream, size: stat.size, ...meta };
		} catch (e) {
			await handle.close();
			throw e;
		}
	}

	private async readMeta(key: string): Promise<LocalMeta> {
		try {
			const meta = JSON.parse(await readFile(this.metaFile(key), 'utf8')) as Partial<LocalMeta>;
			return {
				contentType: typeof meta.contentType === 'string' ? meta.contentType : 'application/octet-stream',
				...(typeof meta.filename === 'string' ? { filename: meta.filename } : {})
			};
		} catch (e) {
			if (isMissing(e)) return { contentType: 'application/octet-stream' };
			throw e;
		}
	}

	async delete(key: string): Promise<void> {
		await rm(this.file(key), { force: true });
		await rm(this.metaFile(key), { force: true });
	}
}

function isMissing(e: unknown): boolean {
	const code = (e as NodeJS.ErrnoException | null)?.code;
	return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

export interface S3Config {
	/** The service's address, e.g. https://s3.eu-north-1.amazonaws.com or a MinIO/other provider's. */
	endpoint: string;
	bucket: string;
	region: string;
	accessKeyId: string;
	secretAccessKey: string;
}

/**
 * An S3-compatible bucket, addressed path-style (`<endpoint>/<bucket>/<key>`, which every
 * S3-compatible service accepts), with requests signed by aws4fetch (AWS Signature V4).
 * The credentials need GetObject, PutObject and DeleteObject on the bucket, and ListBucket too:
 * without it S3 answers 403 rather than 404 for a missing key, which is then an error, not a 404.
 */
export class S3Storage implements MediaStorage {
	private readonly client: AwsClient;
	private readonly base: string;

	constructor(config: S3Config) {
		this.client = new AwsClient({
			accessKeyId: config.accessKeyId,
			secretAccessKey: config.secretAccessKey,
			region: config.region,
			service: 's3',
			retries: 3
		});
		this.base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}/`;
	}

	private url(key: string): string {
		assertValidKey(key);
		return this.base + key; // a valid key needs no escaping
	}

	async put(key: string, bytes: Uint8Array, contentType: string, options: PutOptions = {}): Promise<void> {
		const headers: Record<string, string> = { 'content-type': contentType };
		// Metadata headers are ASCII: the name travels percent-encoded.
		if (options.filename) headers['x-amz-meta-filename'] = encodeURIComponent(options.filename);
		const res = await this.client.fetch(this.url(key), {
			method: 'PUT',
			body: bytes as Uint8Array<ArrayBuffer>,
			headers
		});
		if (!res.ok) throw await s3Error('PUT', key, res);
		await res.body?.cancel();
	}

	async get(key: string): Promise<StoredObject | null> {
		const res = await this.client.fetch(this.url(key), { method: 'GET' });
		if (res.status === 404) {
			await res.body?.cancel();
			return null;
		}
		if (!res.ok || !res.body) throw await s3Error('GET', key, res);
		const filename = res.headers.get('x-amz-meta-filename');
		return {
			stream: res.body,
			contentType: res.headers.get('content-type') ?? 'application/octet-stream',
			size: Number(res.headers.get('content-length') ?? 0),
			...(filename ? { filename: safeDecode(filename) } : {})
		};
	}

	async delete(key: string): Promise<void> {
		const res = await this.client.fetch(this.url(key), { method: 'DELETE' });
		if (!res.ok && res.status !== 404) throw await s3Error('DELETE', key, res);
		await res.body?.cancel();
	}
}

async function s3Error(method: string, key: string, res: Response): Promise<Error> {
	const text = await res.text().catch(() => '');
	return new Error(`S3 ${method} ${key} failed: ${res.status} ${res.statusText} ${text.slice(0, 500)}`.trim());
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/**
 * The storage the environment asks for:
 * - an S3-compatible bucket when MEDIA_S3_BUCKET is set, with MEDIA_S3_ACCESS_KEY_ID and
 *   MEDIA_S3_SECRET_ACCESS_KEY (required), MEDIA_S3_ENDPOINT (default AWS's endpoint for the
 *   region) and MEDIA_S3_REGION (default us-east-1, which most other providers accept too);
 * - otherwise the folder MEDIA_DIR, by default `.data/media` in the repository (found from the
 *   working directory), so every site of a checkout serves the same files.
 */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): MediaStorage {
	const s3Vars = Object.keys(env).filter((name) => name.startsWith('MEDIA_S3_') && env[name]);
	if (env.MEDIA_S3_BUCKET) {
		const missing = ['MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
		if (missing.length) throw new Error(`MEDIA_S3_BUCKET is set, but ${missing.join(' and ')} is not.`);
		const region = env.MEDIA_S3_REGION || 'us-east-1';
		return new S3Storage({
			endpoint: env.MEDIA_S3_ENDPOINT || `https://s3.${region}.amazonaws.com`,
			bucket: env.MEDIA_S3_BUCKET,
			region,
			accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID!,
			secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY!
		});
	}
	if (s3Vars.length) throw new Error(`${s3Vars.join(', ')} set without MEDIA_S3_BUCKET.`);
	return new LocalStorage(env.MEDIA_DIR || defaultMediaDir());
}

/** `<repository>/.data/media`: the nearest folder up from `from` with pnpm-workspace.yaml; else `from`. */
export function defaultMediaDir(from: string = process.cwd()): string {
	for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return path.join(dir, '.data', 'media');
		if (path.dirname(dir) === dir) return path.join(path.resolve(from), '.data', 'media');
	}
}
