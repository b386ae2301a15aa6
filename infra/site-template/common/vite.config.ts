// GENERATED_NOTICE
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import site from './site.config.ts';

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter(),
			// Hashes, not nonces: the page cache replays a page, and a nonce must differ per response.
			// Styles may be inline (Svelte's transitions and style attributes); scripts never.
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	server: { port: site.port, strictPort: true },
	preview: { port: site.port, strictPort: true }
});
