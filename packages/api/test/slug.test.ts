import { describe, expect, it } from 'vitest';
import { slugify } from '../src/core/slug.ts';

describe('slugify', () => {
	it('turns Swedish titles into ASCII slugs', () => {
		expect(slugify('Frukostmöte om ungas psykiska ohälsa – 4 maj')).toBe('frukostmote-om-ungas-psykiska-ohalsa-4-maj');
		expect(slugify('Åtgärder & Översyn!')).toBe('atgarder-oversyn');
	});
	it('never returns an empty slug', () => {
		expect(slugify('!!!')).toBe('nyhet');
	});
});
