import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvResponse, toCsv } from './csv.ts';

// Written by the shared helper, read back by a real parser as Swedish Excel would.

describe('the CSV helper', () => {
	const rows = [
		['Namn', 'Kommuner', 'Antal'],
		['Gröna jobb för unga; Årsta', 'Södertälje, Nykvarn', 12],
		['Citat "så här"\nny rad', '', null],
		['=HYPERLINK("http://example.com")', '+46 8 123', '-1'],
		['@SUM(A1)', 'vanlig text', true]
	];

	it('writes ;-separated UTF-8 with a BOM and CRLF that parses back to the same cells, å ä ö intact', () => {
		const text = toCsv(rows);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text).toContain('\r\n');
		const parsed = parse(text, { delimiter: ';', bom: true, record_delimiter: '\r\n' }) as string[][];
		expect(parsed[0]).toEqual(['Namn', 'Kommuner', 'Antal']);
		expect(parsed[1]).toEqual(['Gröna jobb för unga; Årsta', 'Södertälje, Nykvarn', '12']);
		expect(parsed[2]).toEqual(['Citat "så här"\nny rad', '', '']);
	});

	it('guards cells that would run as formulas', () => {
		const parsed = parse(toCsv(rows), { delimiter: ';', bom: true }) as string[][];
		expect(parsed[3]).toEqual(['\'=HYPERLINK("http://example.com")', "'+46 8 123", "'-1"]);
		expect(parsed[4]).toEqual(["'@SUM(A1)", 'vanlig text', 'Ja']);
	});

	it('answers as a download', async () => {
		const response = csvResponse(rows, 'insatser å.csv');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="insatser__.csv"');
		expect(new Uint8Array(await response.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});
});
