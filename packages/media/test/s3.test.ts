import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidKeyError, S3Storage, processImage, readAll, storageFromEnv } from '../src/index.ts';

// S3Storage against s3rver, an S3-compatible server in this process (on 127.0.0.1), which checks
// Signature V4 with its fixed credentials S3RVER / S3RVER.

let server: S3rver;
let endpoint: string;
let directory: string;
const bucket = 'media';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1' };

beforeAll(async () => {
	server = new S3rver({
		address: '127.0.0.1',
		port: 0,
		silent: true,
		directory: (directory = await mkdtemp(path.join(tmpdir(), 'rp-s3rver-'))),
		configureBuckets: [{ name: bucket, configs: [] }]
	});
	const { port } = await server.run();
	endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
	await server?.close();
	if (directory) await rm(directory, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);

describe('S3Storage', () => {
	it('stores, reads back and deletes an object with its type and name', async () => {
		const storage = new S3Storage({ endpoint, bucket, ...credentials });
		const content = bytes('%PDF-1.7 innehåll');
		await storage.put('files/abc/rapport.pdf', content, 'application/pdf', { filename: 'Årsrapport "2025".pdf' });
		const object = await storage.get('files/abc/rapport.pdf');
		expect(object).toMatchObject({
			contentType: 'application/pdf',
			size: content.length,
			filename: 'Årsrapport "2025".pdf'
		});
		expect(await readAll(object!)).toEqual(content);

		await storage.delete('files/abc/rapport.pdf');
		expect(await storage.get('files/abc/rapport.pdf')).toBeNull();
		await storage.delete('files/abc/rapport.pdf');
	});

	it('returns null for a missing key and refuses invalid keys', async () => {
		const storage = new S3Storage({ endpoint, bucket, ...credentials });
		expect(await storage.get('images/none-480.webp')).toBeNull();
		await expect(storage.get('../other-bucket/x')).rejects.toBeInstanceOf(InvalidKeyError);
		await expect(storage.put('a/../b', bytes('x'), 'text/plain')).rejects.toBeInstanceOf(InvalidKeyError);
	});

	it('signs its requests: a wrong secret is refused', async () => {
		const storage = new S3Storage({ endpoint, bucket, ...credentials, secretAccessKey: 'wrong' });
		await expect(storage.put('x.txt', bytes('x'), 'text/plain')).rejects.toThrow(/S3 PUT x.txt failed: 403/);
	});

	it('is what storageFromEnv gives for MEDIA_S3_*, and holds processed images', async () => {
		const storage = storageFromEnv({
			MEDIA_S3_ENDPOINT: endpoint,
			MEDIA_S3_BUCKET: bucket,
			MEDIA_S3_REGION: credentials.region,
			MEDIA_S3_ACCESS_KEY_ID: credentials.accessKeyId,
			MEDIA_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey
		});
		expect(storage).toBeInstanceOf(S3Storage);
		const png = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#336699' } })
			.png()
			.toBuffer();
		const image = await processImage(storage, png, 'bild.png');
		expect(image).toMatchObject({ width: 600, height: 300 });
		const variant = await storage.get(`${image.key}-480.webp`);
		expect(variant).toMatchObject({ contentType: 'image/webp' });
		expect(await sharp(await readAll(variant!)).metadata()).toMatchObject({ format: 'webp', width: 480, height: 240 });
	});
});
