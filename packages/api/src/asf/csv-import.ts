import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
	ASF_BUSINESS_LINE_LABELS,
	ASF_BUSINESS_LINES,
	ASF_CRITERIA,
	ASF_LEGAL_FORM_LABELS,
	ASF_LEGAL_FORMS,
	type AsfBusinessLine,
	type AsfLegalForm
} from '@regionportalen/db';
import { enterpriseFields, type EnterpriseFields } from './schemas.ts';

// Brings in an existing list of social enterprises (a spreadsheet saved as CSV, as the region's
// coordinator has it): one enterprise per row, with Swedish column names. csv-parse reads it, with
// `;` or `,` between cells, a byte-order mark or not. Every row is checked before anything is saved,
// and the import is all or nothing (the procedure's transaction). A row whose organisation number is
// already in the register updates that enterprise's columns given in the file.

export const IMPORT_COLUMNS = {
	namn: 'name',
	organisationsnummer: 'orgNumber',
	företagsform: 'legalForm',
	kommuner: 'municipalities',
	verksamhet: 'businessLines',
	sammanfattning: 'summary',
	webbplats: 'website',
	kontaktperson: 'contactName',
	'e-post': 'contactEmail',
	telefon: 'contactPhone'
} as const;
type Column = (typeof IMPORT_COLUMNS)[keyof typeof IMPORT_COLUMNS];

export const MAX_IMPORT_ROWS = 500;

export interface ImportRow {
	line: number;
	fields: EnterpriseFields;
	/** The columns the file gave, so an update leaves the others as they were. */
	given: Set<Column>;
}
export interface ImportError {
	line: number;
	message: string;
}

const fold = (s: string) => s.trim().toLocaleLowerCase('sv');
const byLabel = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
	new Map<string, T>(values.flatMap((v) => [[fold(v), v] as [string, T], [fold(labels[v]), v] as [string, T]]));
const LEGAL_FORMS = byLabel<AsfLegalForm>(ASF_LEGAL_FORMS, ASF_LEGAL_FORM_LABELS);
const BUSINESS_LINES = byLabel<AsfBusinessLine>(ASF_BUSINESS_LINES, ASF_BUSINESS_LINE_LABELS);
const list = (cell: string) =>
	cell
		.split(/[,\n]/)
		.map((s) => s.trim())
		.filter(Boolean);

/** The rows of the file as register fields, or every row's problems. */
export function readImport(text: string): { rows: ImportRow[]; errors: ImportError[] } {
	const source = text.replace(/^\uFEFF/, '');
	const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	let records: string[][];
	try {
		records = parse(source, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
	} catch (e) {
		return { rows: [], errors: [{ line: 0, message: `Filen går inte att läsa som CSV: ${(e as Error).message}` }] };
	}
	const [header, ...body] = records;
	if (!header) return { rows: [], errors: [{ line: 0, message: 'Filen är tom.' }] };
	const columns = header.map((h) => IMPORT_COLUMNS[fold(h) as keyof typeof IMPORT_COLUMNS] ?? null);
	const missing = (['name', 'orgNumber'] as const).filter((c) => !columns.includes(c));
	if (missing.length) {
		return {
			rows: [],
			errors: [{ line: 1, message: 'Filen behöver kolumnerna Namn och Organisationsnummer på första raden.' }]
		};
	}
	if (body.length > MAX_IMPORT_ROWS) {
		return { rows: [], errors: [{ line: 0, message: `Högst ${MAX_IMPORT_ROWS} företag per fil.` }] };
	}
	const rows: ImportRow[] = [];
	const errors: ImportError[] = [];
	body.forEach((record, i) => {
		const line = i + 2;
		const cell: Partial<Record<Column, string>> = {};
		columns.forEach((c, j) => {
			if (c && record[j] !== undefined && record[j] !== '') cell[c] = record[j];
		});
		const problems: string[] = [];
		const legalForm = cell.legalForm ? LEGAL_FORMS.get(fold(cell.legalForm)) : 'annan';
		if (!legalForm) problems.push(`okänd företagsform ”${cell.legalForm}”`);
		const lines = list(cell.businessLines ?? '').map((l) => [l, BUSINESS_LINES.get(fold(l))] as const);
		for (const [l, v] of lines) if (!v) problems.push(`okänd verksamhet ”${l}”`);
		const parsed = enterpriseFields.safeParse({
			name: cell.name ?? '',
			orgNumber: cell.orgNumber ?? '',
			legalForm: legalForm ?? 'annan',
			businessLines: lines.flatMap(([, v]) => (v ? [v] : [])),
			municipalities: list(cell.municipalities ?? ''),
			criteria: Object.fromEntries(ASF_CRITERIA.map((c) => [c, { met: false, note: '' }])),
			summary: cell.summary ?? '',
			website: cell.website ?? '',
			contacts: cell.contactName
				? [
						{
							role: 'verksamhetsansvarig',
							name: cell.contactName,
							email: cell.contactEmail ?? '',
							phone: cell.contactPhone ?? ''
						}
					]
				: []
		});
		if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
		if (problems.length || !parsed.success) {
			errors.push({ line, message: problems.join('; ') });
			return;
		}
		rows.push({ line, fields: parsed.data, given: new Set(Object.keys(cell) as Column[]) });
	});
	const seen = new Map<string, number>();
	for (const row of rows) {
		const earlier = seen.get(row.fields.orgNumber);
		if (earlier) errors.push({ line: row.line, message: `samma organisationsnummer som rad ${earlier}` });
		else seen.set(row.fields.orgNumber, row.line);
	}
	return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}

export const importSchema = z.object({
	region: z.string().min(1).max(100),
	csv: z.string().min(1, 'Välj en CSV-fil.').max(2_000_000, 'Filen är för stor (högst 2 MB).')
});
