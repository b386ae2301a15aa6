// Summarises a V8 CPU profile (from `BENCH_CPU_PROF=1 pnpm bench`, or `node --cpu-prof`): busy time,
// self time by package, and the functions with the most self and inclusive time.
//
//   pnpm --filter @regionportalen/load run profile results/cpu-prof/cache-off/CPU.….cpuprofile [top]

import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
	console.error('Usage: node cpu-profile.ts <file.cpuprofile> [top]');
	process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const where = (url: string) =>
	url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/.*?\/(apps|packages|infra|tests)\//, '$1/');
const label = (n: ProfileNode) =>
	`${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
function packageOf(url: string): string {
	if (!url) return '(native: syscalls, GC, V8)';
	const m = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
	if (m) return m[1]!;
	if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
	const build = url.match(/\/build\/server\/(.*)$/);
	if (build) return `app build: ${build[1]}`;
	return where(url);
}

const self = new Map<string, number>();
const byPackage = new Map<string, number>();
const inclusive = new Map<string, number>();
let busy = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
	const dt = profile.timeDeltas[i] ?? 0;
	const node = nodes.get(id)!;
	if (node.callFrame.functionName === '(idle)') {
		idle += dt;
		return;
	}
	busy += dt;
	self.set(label(node), (self.get(label(node)) ?? 0) + dt);
	const pkg = packageOf(node.callFrame.url);
	byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
	const seen = new Set<string>();
	for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
		const key = label(nodes.get(cur)!);
		if (seen.has(key)) continue;
		seen.add(key);
		inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
	}
});

const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
const list = (title: string, map: Map<string, number>) => {
	console.log(`\n${title}`);
	for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${k.slice(0, 150)}`);
};
console.log(
	`${file}\nbusy ${(busy / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s (percentages are of busy time)`
);
list('Self time by package', byPackage);
list('Self time by function', self);
list('Inclusive time by function', inclusive);
