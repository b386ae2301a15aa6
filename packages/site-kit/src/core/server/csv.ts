import { stringify } from 'csv-stringify/sync';

// CSV for Swedish Excel, one way for every domain's export: `;` between cells (Excel in Swedish
// reads `,` as the decimal comma), UTF-8 with a byte-order mark (without it Excel reads å, ä and ö
// as Windows-1252), CRLF line ends. csv-stringify does the quoting. A cell that begins with = + - @
// (or a tab or carriage return) would run as a formula when opened: it is written with a leading
// apostrophe, as OWASP advises against CSV injection.

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

/** A cell that Excel will show as text, never run. */
export function guardCell(cell: CsvCell): string {
	if (cell === null || cell === undefined) return '';
	const text = typeof cell === 'boolean' ? (cell ? 'Ja' : 'Nej') : String(cell);
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The rows (the header first) as the text of a CSV file. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
	return (
		BOM +
		stringify(
			rows.map((row) => row.map(guardCell)),
			{ delimiter: ';', record_delimiter: '\r\n' }
		)
	);
}

/** A CSV file as a download: the file name is ASCII, as every browser accepts it. */
export function csvResponse(rows: readonly (readonly CsvCell[])[], filename: string): Response {
	return new Response(toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`
		}
	});
}
