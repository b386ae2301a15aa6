import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SiteConfig } from '@regionportalen/site-kit/core/server';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const appsDir = path.join(repoRoot, 'apps');

export interface AppInfo {
	dir: string;
	/** The folder name: 'hub' or the förbund's slug. */
	name: string;
	config: SiteConfig;
}

/** The apps in apps/, each with its site.config.ts (which imports only types, so plain Node reads it). */
export async function listApps(): Promise<AppInfo[]> {
	const names = readdirSync(appsDir)
		.filter((name) => existsSync(path.join(appsDir, name, 'site.config.ts')))
		.sort((a, b) => (a === 'hub' ? -1 : b === 'hub' ? 1 : a.localeCompare(b)));
	return Promise.all(
		names.map(async (name) => {
			const file = pathToFileURL(path.join(appsDir, name, 'site.config.ts')).href;
			const { default: config } = (await import(file)) as { default: SiteConfig };
			return { dir: path.join(appsDir, name), name, config };
		})
	);
}
