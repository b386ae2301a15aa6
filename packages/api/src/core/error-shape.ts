import { TRPCError } from '@trpc/server';
import { z } from 'zod';

// What an API error may tell its caller: one Swedish sentence, and for refused input the fields and
// what is wrong with each, in Swedish. Never a stack, SQL, a constraint's name or a validator's code:
// those go to the server's log, where a fault is investigated.

/** A refused field: its path in the input (`gaps.2.description`) and the Swedish message. */
export interface ErrorDetail {
	field: string;
	message: string;
}

export const INTERNAL_ERROR_MESSAGE = 'Ett oväntat fel inträffade, försök igen om en stund.';
const INVALID_INPUT_MESSAGE = 'Kontrollera uppgifterna och försök igen.';

export function zodDetails(error: z.ZodError): ErrorDetail[] {
	return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/** An input refusal's sentence: its one message, or a general one when several fields are wrong. */
function validationMessage(error: z.ZodError): string {
	const messages = [...new Set(error.issues.map((i) => i.message))];
	return messages.length === 1 ? messages[0]! : INVALID_INPUT_MESSAGE;
}

/*
 * PostgreSQL's refusals of what the caller sent, by SQLSTATE. A constraint the schema holds but a
 * validator missed, or two people saving at once, is the caller's to correct, not a fault: a 4xx in
 * Swedish. Every other database error stays a fault (500).
 */
const REFUSALS: Record<string, [TRPCError['code'], string]> = {
	'23505': ['CONFLICT', 'Det finns redan en uppgift med samma värde.'],
	'23503': ['BAD_REQUEST', 'Uppgiften hänvisar till något som inte finns.'],
	'23514': ['BAD_REQUEST', 'Uppgifterna uppfyller inte reglerna, kontrollera dem och försök igen.'],
	'23502': ['BAD_REQUEST', 'En uppgift som krävs saknas.'],
	'23P01': ['CONFLICT', 'Uppgiften krockar med en annan.'],
	'42501': ['FORBIDDEN', 'Du har inte behörighet att göra det här.'],
	'40001': ['CONFLICT', 'Någon annan ändrade samtidigt, försök igen.'],
	'40P01': ['CONFLICT', 'Någon annan ändrade samtidigt, försök igen.']
};
// Class 22 (data exception): a value out of range, too long, or malformed for its column.
const DATA_EXCEPTION: [TRPCError['code'], string] = ['BAD_REQUEST', 'Ett av värdena har fel form eller är för stort.'];

function sqlState(error: unknown): string | null {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

export function databaseRefusal(error: unknown): TRPCError | null {
	const state = sqlState(error);
	if (!state) return null;
	const refusal = REFUSALS[state] ?? (state.startsWith('22') ? DATA_EXCEPTION : null);
	return refusal ? new TRPCError({ code: refusal[0], message: refusal[1], cause: error as Error }) : null;
}

/**
 * The error a procedure's caller gets for one it raised: a validator's refusal gets a Swedish
 * sentence as its message (tRPC's own is the issues as JSON) and keeps the issues as its cause, for
 * the pages that show them by field; a database's refusal becomes its 4xx; anything else is as it was.
 */
export function callerError(error: TRPCError): TRPCError {
	if (error.cause instanceof z.ZodError) {
		return new TRPCError({ code: 'BAD_REQUEST', message: validationMessage(error.cause), cause: error.cause });
	}
	if (error.code === 'INTERNAL_SERVER_ERROR') return databaseRefusal(error.cause) ?? error;
	return error;
}

/** The error's shape over HTTP: the sentence, its code and status, and the fields; no stack. */
export function publicErrorData(
	error: TRPCError,
	data: { code: string; httpStatus: number; path?: string | undefined }
): { code: string; httpStatus: number; path?: string | undefined; details: ErrorDetail[] | null } {
	return {
		code: data.code,
		httpStatus: data.httpStatus,
		path: data.path,
		details: error.cause instanceof z.ZodError ? zodDetails(error.cause) : null
	};
}

export function publicErrorMessage(error: TRPCError): string {
	return error.code === 'INTERNAL_SERVER_ERROR' ? INTERNAL_ERROR_MESSAGE : error.message;
}
