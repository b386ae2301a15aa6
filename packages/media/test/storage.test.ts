import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	InvalidKeyError,
	LocalStorage,
	S3Storage,
	defaultMediaDir,
	isValidKey,
	readAll,
	storageFromEnv
} from '../src/index.ts';
import { filesUnder, tempDir } from './helpers.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('storage keys', () => {
	it('accepts the keys the portal makes', () => {
		for (const key of [
			'images/0123456789abcdef0123456789abcdef-480.webp',
			'files/0123456789abcdef0123456789abcdef/arsrapport-2025.pdf',
			'a',
			'a/b/c.d_e-f'
		]) {
			expect([key, isValidKey(key)]).toEqual([key, true]);
		}
	});

	it('refuses anything that could leave the folder or is not ours', () => {
		for (const key of [
			'',
			'../secret',
			'images/../../etc/passwd',
			'..',
			'./a',
			'a/./b',
			'a/../b',
			'a..b',
			'/etc/passwd',
			'a//b',
			'a/',
			'a\\b',
			'..\\..\\windows',
			'%2e%2e/a',
			'a%2fb',
			'.meta/a.json',
			'.tmp/x',
			'a/.hidden',
			'A.webp',
			'a b',
			'a\0b',
			'å',
			'a/b/c/d/e/f/g/h/i',
			'a'.repeat(256)
		]) {
			expect([key, isValidKey(key)]).toEqual([key, false]);
		}
		expect(isValidKey(undefined)).toBe(false);
		expect(isValidKey(42)).toBe(false);
	});
});

describe('LocalStorage', () => {
	it('stores, reads back and deletes an object with its type and name', async () => {
		const root = await tempDir();
		const storage = new LocalStorage(root);
		const content = bytes('%PDF-1.4 hej');
		await storage.put('files/abc/rapport.pdf', content, 'application/pdf', { filename: 'Årsrapport 2025.pdf' });

		expect(await readFile(path.join(root, 'files/abc/rapport.pdf'))).toEqual(Buffer.from(content));
		const object = await storage.get('files/abc/rapport.pdf');
		expect(object).toMatchObject({
			contentType: 'application/pdf',
			size: content.length,
			filename: 'Årsrapport 2025.pdf'
		});
		expect(await readAll(object!)).toEqual(content);

		await storage.put('images/x-480.webp', bytes('webp'), 'image/webp');
		const image = await storage.get('images/x-480.webp');
		expect(image).toMatchObject({ contentType: 'image/webp', size: 4 });
		expect(image!.filename).toBeUndefined();
		await readAll(image!);

		await storage.delete('files/abc/rapport.pdf');
		expect(await storage.get('files/abc/rapport.pdf')).toBeNull();
		expect(await filesUnder(root)).toEqual(['.meta/images/x-480.webp.json', 'images/x-480.webp']);
		await storage.delete('files/abc/rapport.pdf'); // twice is fine
	});

	it('replaces an object put again under the same key', async () => {
		const storage = new LocalStorage(await tempDir());
		await storage.put('a.txt', bytes('first'), 'text/plain');
		await storage.put('a.txt', bytes('second!'), 'text/csv');
		const object = await storage.get('a.txt');
		expect(object).toMatchObject({ contentType: 'text/csv', size: 7 });
		expect(new TextDecoder().decode(await readAll(object!))).toBe('second!');
	});

	it('returns null for a missing key, a folder, or a key below a file', async () => {
		const storage = new LocalStorage(await tempDir());
		expect(await storage.get('nothing/here.webp')).toBeNull();
		await storage.put('dir/file.webp', bytes('x'), 'image/webp');
		expect(await storage.get('dir')).toBeNull();
		expect(await storage.get('dir/file.webp/below')).toBeNull();
	});

	it('falls back to application/octet-stream when the metadata is gone', async () => {
		const root = await tempDir();
		await writeFile(path.join(root, 'loose.bin'), 'x');
		expect(await new LocalStorage(root).get('loose.bin')).toMatchObject({
			contentType: 'application/octet-stream',
			size: 1
		});
	});

	it('refuses invalid keys before touching the file system', async () => {
		const parent = await tempDir();
		const root = path.join(parent, 'media');
		await writeFile(path.join(parent, 'secret'), 'secret');
		const storage = new LocalStorage(root);
		for (const key of ['../secret', 'a/../../secret', '/etc/passwd', '.meta/x.json']) {
			await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidKeyError);
			await expect(storage.put(key, bytes('x'), 'text/plain')).rejects.toBeInstanceOf(InvalidKeyError);
			await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidKeyError);
		}
		expect(existsSync(root)).toBe(false);
		expect(await readFile(path.join(parent, 'secret'), 'utf8')).toBe('secret');
	});
});

describe('storageFromEnv', () => {
	it('uses MEDIA_DIR when set', () => {
		const storage = storageFromEnv({ MEDIA_DIR: '/srv/media' });
		expect(storage).toBeInstanceOf(LocalStorage);
		expect((storage as LocalStorage).root).toBe('/srv/media');
	});

	it('defaults to .data/media in the repository', () => {
		const repo = path.resolve(import.meta.dirname, '../../..');
		expect(defaultMediaDir(path.join(repo, 'apps/sus'))).toBe(path.join(repo, '.data/media'));
		expect((storageFromEnv({}) as LocalStorage).root).toBe(defaultMediaDir());
	});

	it('uses S3 when a bucket is configured, and needs its credentials', () => {
		const s3 = {
			MEDIA_S3_BUCKET: 'media',
			MEDIA_S3_ACCESS_KEY_ID: 'id',
			MEDIA_S3_SECRET_ACCESS_KEY: 'secret'
		};
		expect(storageFromEnv({ ...s3, MEDIA_DIR: '/ignored' })).toBeInstanceOf(S3Storage);
		expect(() => storageFromEnv({ MEDIA_S3_BUCKET: 'media', MEDIA_S3_ACCESS_KEY_ID: 'id' })).toThrow(
			/MEDIA_S3_SECRET_ACCESS_KEY/
		);
		expect(() => storageFromEnv({ MEDIA_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/without MEDIA_S3_BUCKET/);
	});
});
