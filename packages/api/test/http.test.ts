import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { handleTrpcRequest } from '../src/http.ts';
import { transformer } from '../src/core/transformer.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const origin = 'https://a.example.se';
const editor = { id: fx.users.editorA, email: 'editora@test.example', name: 'A' };

function createNews(from: string | null) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (from) headers.origin = from;
	const input = { owner: { forbund: 'a' }, title: 'Över HTTP', lead: '', body: '' };
	return handleTrpcRequest(
		new Request(`${origin}/api/trpc/news.create`, {
			method: 'POST',
			headers,
			body: JSON.stringify(transformer.serialize(input))
		}),
		{ db, user: editor, session: { id: 's', twoFactorVerified: false } },
		origin
	);
}

describe('tRPC over HTTP', () => {
	it('serves queries with Dates intact', async () => {
		await owner
			.insertInto('news')
			.values({
				region_id: fx.regions.norr,
				forbund_id: fx.forbund.a,
				slug: 'x',
				title: 'X',
				status: 'published',
				published_at: new Date('2024-05-04T08:00:00Z')
			})
			.execute();
		const input = encodeURIComponent(JSON.stringify(transformer.serialize({ forbund: 'a', page: 1 })));
		const response = await handleTrpcRequest(
			new Request(`${origin}/api/trpc/news.list?input=${input}`),
			{ db, user: null, session: null },
			origin
		);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { result: { data: string } };
		const data = transformer.deserialize(body.result.data) as { items: { published_at: Date }[] };
		expect(data.items[0]?.published_at).toEqual(new Date('2024-05-04T08:00:00Z'));
	});

	it('refuses mutations from another origin, or with no origin, and writes nothing', async () => {
		expect((await createNews('https://evil.example')).status).toBe(403);
		expect((await createNews(null)).status).toBe(403);
		expect(await owner.selectFrom('news').where('title', '=', 'Över HTTP').execute()).toHaveLength(0);
	});

	it('accepts mutations from its own origin', async () => {
		expect((await createNews(origin)).status).toBe(200);
		expect(await owner.selectFrom('news').where('title', '=', 'Över HTTP').execute()).toHaveLength(1);
	});
});

describe('an error over HTTP', () => {
	const post = (path: string, input: unknown) =>
		handleTrpcRequest(
			new Request(`${origin}/api/trpc/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin },
				body: JSON.stringify(transformer.serialize(input))
			}),
			{ db, user: null, session: null, clientAddress: '192.0.2.20' },
			origin
		);

	it('tells one Swedish sentence and the refused fields, never a stack or the validator’s output', async () => {
		const response = await post('accessibility.report', { site: { forbund: 'a' }, description: ' ', email: 'nej' });
		expect(response.status).toBe(400);
		const body = (await response.json()) as { error: Parameters<typeof transformer.deserialize>[0] };
		const error = transformer.deserialize(body.error) as {
			message: string;
			data: { details: { field: string; message: string }[]; stack?: string };
		};
		expect(error.message).toBe('Kontrollera uppgifterna och försök igen.');
		expect(error.data.details.map((d) => d.field)).toEqual(['description', 'email']);
		expect(error.data.details.every((d) => /^[A-ZÅÄÖ].*\.$/.test(d.message))).toBe(true);
		expect(error.data.stack).toBeUndefined();
		expect(JSON.stringify(error)).not.toMatch(/too_small|invalid_format|issues/);
	});
});
