// Serves one built app (adapter-node's request handler) at its public ORIGIN.
//
//   ORIGIN=https://sus.example.se PORT=3000 node infra/scripts/serve-app.ts apps/sus
//
// SvelteKit 3 derives a request's origin from its headers (assuming https) or from an origin fixed
// at build time. Stating it here from ORIGIN lets one build run at any address, a local port over
// plain HTTP as well as a public host behind a reverse proxy, and keeps form posts' CSRF check exact.

import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const appDir = path.resolve(process.argv[2] ?? '.');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const origin = new URL(process.env.ORIGIN ?? `http://localhost:${port}`);

const PROTO = 'x-regionportalen-proto';
const HOST = 'x-regionportalen-host';
// Read by the handler when it loads, so set before importing it.
process.env.PROTOCOL_HEADER = PROTO;
process.env.HOST_HEADER = HOST;
// Room for an editor's image (10 MB) or PDF (20 MB) upload; adapter-node's default is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '25M';
const { handler } = (await import(pathToFileURL(path.join(appDir, 'build/handler.js')).href)) as {
	handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
};

const server = http.createServer((req, res) => {
	// Overwritten on every request: a client cannot choose them.
	req.headers[PROTO] = origin.protocol.slice(0, -1);
	req.headers[HOST] = origin.host;
	handler(req, res, () => {
		res.statusCode = 404;
		res.end();
	});
});
server.listen(port, host, () =>
	console.log(`${path.basename(appDir)} listening on ${host}:${port} as ${origin.origin}`)
);

// Started by the portal runner: go when it goes, even if it was killed without a chance to stop us.
if (process.env.RP_EXIT_WITH_PARENT) {
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) process.exit(0);
	}, 1000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), 5000).unref();
	});
}
