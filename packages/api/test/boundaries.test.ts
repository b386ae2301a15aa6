import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A domain is a folder (core, news, minutes, accounts, sites, …) that others reach only through its
// index.ts. This reads every import of the package and fails on one that reaches past an index.ts,
// and on core importing a domain (core is what domains build on, never the other way).

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const SPECIFIER =
	/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sources(full);
		return /\.(ts|svelte)$/.test(entry.name) ? [full] : [];
	});
}

/** The top folder of src/ a file lies in ('' for root.ts, index.ts, http.ts). */
const folderOf = (src: string, file: string) => {
	const rel = path.relative(src, file).split(path.sep);
	return rel.length > 1 ? rel[0]! : '';
};

export function boundaryViolations(src: string): string[] {
	const found: string[] = [];
	for (const file of sources(src).sort()) {
		const from = folderOf(src, file);
		for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
			const target = path.resolve(path.dirname(file), match[1] ?? match[2]!);
			if (!target.startsWith(src)) continue;
			const to = folderOf(src, target);
			if (to === from || to === '') continue;
			const where = `${path.relative(src, file)} → ${path.relative(src, target)}`;
			if (path.relative(path.join(src, to), target) !== 'index.ts') found.push(`${where}: past ${to}/index.ts`);
			else if (from === 'core') found.push(`${where}: core imports a domain`);
		}
	}
	return found;
}

describe('the API’s domain boundaries', () => {
	it('every folder is reached only through its index.ts, and core imports no domain', () => {
		expect(boundaryViolations(SRC)).toEqual([]);
	});

	it('the check catches a reach past an index.ts and core importing a domain', () => {
		const src = mkdtempSync(path.join(tmpdir(), 'rp-boundaries-')) + path.sep;
		const write = (file: string, text: string) => {
			mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
			writeFileSync(path.join(src, file), text);
		};
		write('news/x.ts', "import { a } from '../minutes/queries.ts';\nimport { b } from '../core/index.ts';\n");
		write('core/y.ts', "export { c } from '../news/index.ts';\n");
		write('minutes/queries.ts', "import type { d } from './access.ts';\n");
		write('root.ts', "import { e } from './news/index.ts';\n");
		try {
			expect(boundaryViolations(src)).toEqual([
				'core/y.ts → news/index.ts: core imports a domain',
				'news/x.ts → minutes/queries.ts: past minutes/index.ts'
			]);
		} finally {
			rmSync(src, { recursive: true, force: true });
		}
	});
});
