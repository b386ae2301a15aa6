import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface AppInfo {
	dir: string;
	/** The folder name: 'hub' or the förbund's slug. */
	name: string;
	kind: 'hub' | 'forbund';
	/** The förbund's slug (förbund sites only). */
	forbund: string | null;
	port: number;
}

/** The apps in apps/, read from their site.config.ts (kept to literal values, so a regex reads them). */
export function listApps(): AppInfo[] {
	const appsDir = path.join(repoRoot, 'apps');
	return readdirSync(appsDir)
		.filter((name) => existsSync(path.join(appsDir, name, 'site.config.ts')))
		.sort((a, b) => (a === 'hub' ? -1 : b === 'hub' ? 1 : a.localeCompare(b)))
		.map((name) => {
			const config = readFileSync(path.join(appsDir, name, 'site.config.ts'), 'utf8');
			const port = Number(/port:\s*(\d+)/.exec(config)?.[1]);
			if (!Number.isInteger(port)) throw new Error(`apps/${name}/site.config.ts has no port`);
			const kind = /kind:\s*'hub'/.test(config) ? 'hub' : 'forbund';
			const forbund = kind === 'forbund' ? (/forbund:\s*'([^']+)'/.exec(config)?.[1] ?? null) : null;
			return { dir: path.join(appsDir, name), name, kind, forbund, port };
		});
}
