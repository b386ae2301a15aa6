import type { z } from 'zod';

// A form's validation failures by field, for messages beside each field and an error summary at the
// top that links to them (WCAG 3.3.1, 3.3.3). The field ids are the issue's path joined by dashes:
// `description`, `gaps-2-description`.

export type FieldErrors = Record<string, string>;

/** `rename` maps an issue's path to the form's (a list's index to the row's, say). */
export function fieldErrors(
	error: z.ZodError,
	rename: (path: PropertyKey[]) => PropertyKey[] = (path) => path
): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const id = rename(issue.path).map(String).join('-') || 'form';
		errors[id] ??= issue.message;
	}
	return errors;
}
