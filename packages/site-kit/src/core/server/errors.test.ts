import { isHttpError } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { handleServerError, loginUrl, orErrorPage, safeReturnPath } from './errors.ts';

describe('the login return path', () => {
	it('keeps a path on this site', () => {
		expect(safeReturnPath('/redaktor?x=1', '/')).toBe('/redaktor?x=1');
	});
	it('refuses other origins, protocol-relative and backslash tricks', () => {
		for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null]) {
			expect(safeReturnPath(bad, '/')).toBe('/');
		}
	});
	it('is carried to the login page encoded', () => {
		expect(loginUrl(new URL('http://x/redaktor/5?a=b'))).toBe('/logga-in?till=%2Fredaktor%2F5%3Fa%3Db');
	});
});

describe('error pages', () => {
	const url = new URL('http://x/nyheter/abc');
	/** What tRPC throws when a procedure's input fails its schema: the issues as message and cause. */
	const refusedBy = (schema: z.ZodType, input: unknown) => {
		const cause = schema.safeParse(input).error!;
		return new TRPCError({ code: 'BAD_REQUEST', message: JSON.stringify(cause.issues), cause });
	};

	it('turn the validator’s refusal of an address into a Swedish 404 without its output', async () => {
		const refusal = refusedBy(z.object({ slug: z.string().max(100) }), { slug: 'a'.repeat(101) });
		const thrown = await orErrorPage(Promise.reject(refusal), url).catch((e: unknown) => e);
		expect(isHttpError(thrown)).toBe(true);
		const { status, body } = thrown as { status: number; body: { message: string } };
		expect(status).toBe(404);
		expect(body.message).toMatch(/^Sidan finns inte\./);
		expect(body.message).not.toContain('too_big');
	});

	it('keep the API’s own Swedish refusals and their status', async () => {
		const refusal = new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet.' });
		const thrown = await orErrorPage(Promise.reject(refusal), url).catch((e: unknown) => e);
		expect(thrown).toMatchObject({ status: 403, body: { message: 'Du har inte behörighet.' } });
	});

	it('leave a fault to handleError, which logs it and shows one plain sentence', async () => {
		const fault = new Error('relation "news" does not exist');
		const thrown = await orErrorPage(
			Promise.reject(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: fault })),
			url
		).catch((e: unknown) => e);
		expect(thrown).toBe(fault);
		const event = { request: new Request(url), url } as Parameters<typeof handleServerError>[0]['event'];
		const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const shown = handleServerError({ kind: 'unknown', error: fault, event });
		expect(shown).toEqual({ message: 'Ett oväntat fel inträffade. Försök igen om en stund.' });
		expect(logged).toHaveBeenCalledWith('GET /nyheter/abc:', fault);
		logged.mockRestore();
		const notFound = handleServerError({ kind: 'framework', error: { status: 404, message: 'Not Found' }, event });
		expect(notFound).toEqual({ message: expect.stringMatching(/^Sidan finns inte\./) });
		// Our own errors keep their message.
		expect(
			handleServerError({ kind: 'app', error: { status: 404, message: 'Nyheten finns inte.' }, event })
		).toBeUndefined();
	});
});

describe('a refusal’s messages', () => {
	it('are the refused fields’ for a validator’s refusal, the one sentence otherwise', async () => {
		const { refusalMessages } = await import('./errors.ts');
		const schema = z.object({ a: z.string().min(2, 'Minst två.'), b: z.string().min(1, 'Fyll i b.') });
		const cause = schema.safeParse({ a: 'x', b: '' }).error!;
		expect(refusalMessages(new TRPCError({ code: 'BAD_REQUEST', message: 'Kontrollera.', cause }))).toEqual([
			'Minst två.',
			'Fyll i b.'
		]);
		expect(refusalMessages(new TRPCError({ code: 'FORBIDDEN', message: 'Nej.' }))).toEqual(['Nej.']);
	});
});
