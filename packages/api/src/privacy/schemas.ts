import { z } from 'zod';
import { idSchema } from '../core/index.ts';

/** Whose data: an account by id, or an e-mail address (for people without an account). */
export const subjectSchema = z.union([
	z.object({ userId: idSchema }),
	z.object({ email: z.email('Ange en giltig e-postadress.').trim().toLowerCase().max(320) })
]);

/** All (platform admin) or one förbund's part (its admin). */
export const scopeSchema = z.union([z.literal('all'), z.object({ forbundId: idSchema })]).default('all');

export const requestInput = z.object({
	subject: subjectSchema,
	scope: scopeSchema,
	/** The day the person asked (the month to answer runs from it); today if not given. */
	receivedAt: z.iso
		.date('Ange datumet då begäran kom in som ÅÅÅÅ-MM-DD.')
		.optional()
		.refine(
			(d) => d === undefined || new Date(d) <= new Date(),
			'Datumet då begäran kom in kan inte ligga i framtiden.'
		)
});

/** Erasure cannot be undone, so the admin types the word to confirm it. */
export const ERASE_CONFIRMATION = 'RADERA';

export const eraseInput = requestInput.extend({
	confirm: z.literal(ERASE_CONFIRMATION, { error: `Skriv ${ERASE_CONFIRMATION} för att bekräfta raderingen.` })
});

export const lookupInput = z.object({
	query: z.string().trim().min(1, 'Ange ett konto-id eller en e-postadress.').max(320)
});
