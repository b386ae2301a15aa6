import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A domain is a folder (core, news, minutes, accounts, sites, …) that others reach only through its
// entries: index.ts, and in site-kit also server/index.ts (its loads and actions; its index.ts is
// what pages that ship to the browser may import). This reads every import of a package's sources,
// .svelte files included, and fails on one that reaches past an entry, and on core importing a
// domain (core is what domains build on, never the other way). One check for both packages.

const PACKAGES = [
	{ name: 'api', src: fileURLToPath(new URL('../src/', import.meta.url)), entries: ['index.ts'] },
	{
		name: 'site-kit',
		src: fileURLToPath(new URL('../../site-kit/src/', import.meta.url)),
		entries: ['index.ts', 'server/index.ts']
	}
];
const SPECIFIER =
	/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/g;

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

/** Imports in `src` that reach another folder past its `entries` (paths inside the folder), or go from core to a domain. */
export function boundaryViolations(src: string, entries: readonly string[] = ['index.ts']): string[] {
	const found: string[] = [];
	for (const file of sources(src).sort()) {
		const from = folderOf(src, file);
		for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
			const target = path.resolve(path.dirname(file), match[1] ?? match[2] ?? match[3]!);
			if (!target.startsWith(src)) continue;
			const to = folderOf(src, target);
			if (to === from || to === '') continue;
			const where = `${path.relative(src, file)} → ${path.relative(src, target)}`;
			const entry = path.relative(path.join(src, to), target).split(path.sep).join('/');
			if (!entries.includes(entry)) found.push(`${where}: past ${entries.map((e) => `${to}/${e}`).join(' or ')}`);
			else if (from === 'core') found.push(`${where}: core imports a domain`);
		}
	}
	return found;
}

describe('the domain boundaries of the API and site-kit', () => {
	for (const { name, src, entries } of PACKAGES) {
		it(`${name}: every folder is reached only through ${entries.join(' or ')}, and core imports no domain`, () => {
			expect(sources(src).length).toBeGreaterThan(10);
			expect(boundaryViolations(src, entries)).toEqual([]);
		});
	}

	function withTree(files: Record<string, string>, check: (src: string) => void) {
		const src = mkdtempSync(path.join(tmpdir(), 'rp-boundaries-')) + path.sep;
		try {
			for (const [file, text] of Object.entries(files)) {
				mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
				writeFileSync(path.join(src, file), text);
			}
			check(src);
		} finally {
			rmSync(src, { recursive: true, force: true });
		}
	}

	it('the check catches a reach past an index.ts and core importing a domain', () => {
		withTree(
			{
				'news/x.ts': "import { a } from '../minutes/queries.ts';\nimport { b } from '../core/index.ts';\n",
				'core/y.ts': "export { c } from '../news/index.ts';\n",
				'minutes/queries.ts': "import type { d } from './access.ts';\n",
				'root.ts': "import { e } from './news/index.ts';\n"
			},
			(src) =>
				expect(boundaryViolations(src)).toEqual([
					'core/y.ts → news/index.ts: core imports a domain',
					'news/x.ts → minutes/queries.ts: past minutes/index.ts'
				])
		);
	});

	it('with server/index.ts as a second entry, it still catches a reach past it, in .ts and .svelte alike', () => {
		const entries = ['index.ts', 'server/index.ts'];
		withTree(
			{
				'sites/pages/StartPage.svelte': [
					'<script lang="ts">',
					"\timport NewsList from '../../news/components/NewsList.svelte';",
					"\timport { articleHref } from '../../news/index.ts';",
					"\timport type { StartData } from '../server/start.ts';",
					'</script>',
					''
				].join('\n'),
				'sites/server/start.ts':
					"import { loadNewsList } from '../../news/server/index.ts';\nimport { loadArticle } from '../../news/server/news.ts';\n",
				'accounts/pages/LoginPage.svelte':
					"<script lang=\"ts\">\n\timport type { MeetingData } from '../../minutes/server/minutes.ts';\n\timport '../../core/components/Notice.svelte';\n</script>\n",
				'core/server/hooks.ts': "import { loadLogin } from '../../accounts/server/index.ts';\n",
				'news/server/news.ts':
					"import { api } from '../../core/server/index.ts';\nimport { formatDate } from '../../core/index.ts';\n"
			},
			(src) =>
				expect(boundaryViolations(src, entries)).toEqual([
					'accounts/pages/LoginPage.svelte → minutes/server/minutes.ts: past minutes/index.ts or minutes/server/index.ts',
					'accounts/pages/LoginPage.svelte → core/components/Notice.svelte: past core/index.ts or core/server/index.ts',
					'core/server/hooks.ts → accounts/server/index.ts: core imports a domain',
					'sites/pages/StartPage.svelte → news/components/NewsList.svelte: past news/index.ts or news/server/index.ts',
					'sites/server/start.ts → news/server/news.ts: past news/index.ts or news/server/index.ts'
				])
		);
	});
});
