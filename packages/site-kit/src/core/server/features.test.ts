import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURES } from '@regionportalen/db';
import { describe, expect, it } from 'vitest';
import { featureOfRoute } from './features.ts';

// FEATURE_ROUTES must say of every route in infra/site-template which feature it is, or the hub
// would serve a turned-off feature's page (or hide a page of the site's own).

const template = fileURLToPath(new URL('../../../../../infra/site-template/', import.meta.url));

/** The route ids of a template part: the folders holding a +page or +server file, from `mount`. */
function routeIds(dir: string, mount: string): string[] {
	const ids: string[] = [];
	const walk = (at: string) => {
		for (const name of readdirSync(at)) {
			const full = path.join(at, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (/^\+(page|server)\./.test(name)) {
				const rel = path.relative(dir, at).split(path.sep).join('/');
				ids.push(`${mount}${rel ? `/${rel}` : ''}` || '/');
			}
		}
	};
	try {
		walk(dir);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	return [...new Set(ids)];
}

describe('features of the template', () => {
	it('has one folder per feature the database knows', () => {
		expect(readdirSync(path.join(template, 'features')).sort()).toEqual([...FEATURES].sort());
	});

	for (const feature of FEATURES) {
		it(`knows every route of ${feature} as ${feature}'s, on both kinds of site`, () => {
			const base = path.join(template, 'features', feature);
			for (const [part, kinds] of [
				['common', ['forbund', 'hub']],
				['forbund', ['forbund']],
				['hub', ['hub']]
			] as const) {
				for (const kind of kinds) {
					for (const id of routeIds(path.join(base, part), kind === 'hub' ? '/[region]' : '')) {
						expect(featureOfRoute(id, kind), `${kind} ${id}`).toBe(feature);
					}
				}
			}
		});
	}

	it('counts none of the site’s own routes as a feature’s', () => {
		const own = [
			...routeIds(path.join(template, 'common/src/routes'), ''),
			...routeIds(path.join(template, 'forbund/src/routes'), '').map((id) => ['forbund', id] as const),
			...routeIds(path.join(template, 'hub/src/routes'), '').map((id) => ['hub', id] as const)
		].map((entry) => (typeof entry === 'string' ? (['forbund', entry] as const) : entry));
		expect(own.length).toBeGreaterThan(20);
		for (const [kind, id] of own) expect(featureOfRoute(id, kind), `${kind} ${id}`).toBeNull();
		expect(featureOfRoute('/[region]/om', 'hub')).toBeNull();
	});
});
