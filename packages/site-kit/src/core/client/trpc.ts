import * as devalue from 'devalue';

// The browser's way to the API for enhancements: a GET to /api/trpc with the same devalue
// transformer as the server (packages/api/src/core/transformer.ts), without a client library.

export async function callQuery<T>(path: string, input: unknown, signal?: AbortSignal): Promise<T> {
	const url = `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(devalue.stringify(input)))}`;
	const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
	const body = (await response.json()) as { result?: { data: string }; error?: unknown };
	if (!response.ok || !body.result) throw new Error(`API ${path}: ${response.status}`);
	return devalue.parse(body.result.data) as T;
}
