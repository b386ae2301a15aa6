import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	callerError,
	databaseRefusal,
	INTERNAL_ERROR_MESSAGE,
	publicErrorData,
	publicErrorMessage
} from './error-shape.ts';
import './zod-sv.ts';

const refused = (schema: z.ZodType, input: unknown) =>
	new TRPCError({ code: 'BAD_REQUEST', message: 'from tRPC', cause: schema.safeParse(input).error! });
const pgError = (code: string, message = 'from PostgreSQL') => Object.assign(new Error(message), { code });

describe('what a refusal tells its caller', () => {
	const form = z.object({ title: z.string().min(2, 'Titeln behöver minst 2 tecken.'), count: z.number().int() });

	it('one field: its message, in Swedish', () => {
		const error = callerError(refused(form, { title: 'x', count: 1 }));
		expect(error.message).toBe('Titeln behöver minst 2 tecken.');
		expect(error.code).toBe('BAD_REQUEST');
		expect(publicErrorData(error, { code: 'BAD_REQUEST', httpStatus: 400 }).details).toEqual([
			{ field: 'title', message: 'Titeln behöver minst 2 tecken.' }
		]);
	});

	it('several fields: one sentence, and the fields in the details', () => {
		const error = callerError(refused(form, { title: 'x', count: 'tre' }));
		expect(error.message).toBe('Kontrollera uppgifterna och försök igen.');
		expect(publicErrorData(error, { code: 'BAD_REQUEST', httpStatus: 400 }).details).toEqual([
			{ field: 'title', message: 'Titeln behöver minst 2 tecken.' },
			{ field: 'count', message: 'Ange ett tal.' }
		]);
	});

	it('zod’s own messages name no types or codes', () => {
		const schema = z.object({ a: z.string().max(3), b: z.boolean(), c: z.enum(['x']), d: z.email() }).strict();
		const messages = schema.safeParse({ a: 'abcd', b: 'ja', c: 'y', d: 'x', e: 1 }).error!.issues.map((i) => i.message);
		expect(messages).toEqual([
			'Högst 3 tecken är tillåtet.',
			'Ange ja eller nej.',
			'Välj ett av de tillåtna värdena.',
			'Ange en giltig e-postadress.',
			'Förfrågan innehåller uppgifter som inte hör hit.'
		]);
	});

	it('a database’s refusal of the input becomes a 4xx in Swedish', () => {
		expect(databaseRefusal(pgError('23505'))).toMatchObject({
			code: 'CONFLICT',
			message: 'Det finns redan en uppgift med samma värde.'
		});
		expect(databaseRefusal(pgError('22003'))).toMatchObject({ code: 'BAD_REQUEST' });
		expect(databaseRefusal(pgError('22021'))).toMatchObject({ code: 'BAD_REQUEST' });
		expect(databaseRefusal(pgError('42501'))).toMatchObject({ code: 'FORBIDDEN' });
		const wrapped = callerError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: pgError('23503') }));
		expect(wrapped.code).toBe('BAD_REQUEST');
		expect(wrapped.message).not.toContain('PostgreSQL');
	});

	it('anything else stays a fault, told as one plain sentence', () => {
		expect(databaseRefusal(pgError('57014'))).toBeNull();
		expect(databaseRefusal(new Error('boom'))).toBeNull();
		const fault = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new Error('relation "news" does not exist') });
		expect(callerError(fault)).toBe(fault);
		expect(publicErrorMessage(fault)).toBe(INTERNAL_ERROR_MESSAGE);
		expect(publicErrorData(fault, { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 })).not.toHaveProperty('stack');
	});

	it('the API’s own refusals keep their message', () => {
		const own = new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet.' });
		expect(callerError(own)).toBe(own);
		expect(publicErrorMessage(own)).toBe('Du har inte behörighet.');
	});
});
