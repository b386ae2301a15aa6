import { describe, expect, it } from 'vitest';
import { fromStockholmLocal, toStockholmLocal } from './stockholm-time.ts';

describe('Stockholm local time', () => {
	it('converts winter and summer times', () => {
		expect(fromStockholmLocal('2026-12-01T09:30')?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
		expect(fromStockholmLocal('2026-07-01T09:30')?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
		expect(toStockholmLocal(new Date('2026-07-01T07:30:00Z'))).toBe('2026-07-01T09:30');
		expect(fromStockholmLocal('2026-03-29T03:15:20')?.toISOString()).toBe('2026-03-29T01:15:20.000Z');
	});
	it('rejects anything but a datetime-local value', () => {
		expect(fromStockholmLocal('imorgon')).toBeNull();
		expect(fromStockholmLocal('')).toBeNull();
	});
});
