// GENERATED_NOTICE
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import site from './site.config.ts';

export default defineConfig({
	plugins: [sveltekit({ adapter: adapter() })],
	server: { port: site.port, strictPort: true },
	preview: { port: site.port, strictPort: true }
});
