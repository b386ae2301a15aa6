import * as devalue from 'devalue';

/** tRPC's data transformer: devalue keeps Dates (and Maps, Sets…) intact over HTTP, as SvelteKit does. */
export const transformer = {
	serialize: (value: unknown) => devalue.stringify(value),
	deserialize: (value: string) => devalue.parse(value)
};
