import fc from 'fast-check';

// Inputs for a zod schema, read from the schema itself (zod 4's `_zod.def`): mostly values of the
// right shape, often just past a limit or in the wrong form, and now and then anything at all. No
// maintained library does this for zod 4 (zod-fast-check stops at zod 3), so it is here, small.
// Where a shape is unknown, anything goes: the fuzz must never skip a procedure.

type Def = {
	type: string;
	checks?: { _zod: { def: Record<string, unknown> } }[];
	[key: string]: unknown;
};
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Texts a person might type, or an attacker: Swedish words, markup, SQL, control characters. */
const NASTY = [
	'Åsa Öberg',
	'Samordningsförbundet Östra Södertörn',
	'<script>alert(1)</script>',
	"'; drop table news; --",
	'\u0000',
	'a\u0000b',
	'\uD800',
	'../../etc/passwd',
	'%00',
	'   ',
	'',
	'null',
	'0',
	'-1',
	'9'.repeat(40),
	'😀'.repeat(10),
	'2026-02-30',
	'ÅÄÖ'.repeat(200)
];
const text = (maxLength = 60) =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.string({ maxLength, unit: 'grapheme' }) },
		{ weight: 2, arbitrary: fc.constantFrom(...NASTY) },
		{ weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,40}$/) }
	);

function check(def: Def, name: string): Record<string, unknown> | undefined {
	return def.checks?.map((c) => c._zod.def).find((c) => c.check === name);
}

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
	email: () => fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', 'x@test.example', 'ADMIN@TEST.EXAMPLE')),
	url: () => fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'http://', 'ftp://x')),
	date: () =>
		fc.oneof(
			fc
				.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
				.map((d) => d.toISOString().slice(0, 10)),
			fc.constantFrom('2026-13-01', '0000-00-00', '2026-02-29')
		),
	datetime: () =>
		fc
			.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
			.map((d) => d.toISOString()),
	uuid: () => fc.uuid()
};

function stringArbitrary(def: Def): fc.Arbitrary<string> {
	const min = Number(check(def, 'min_length')?.minimum ?? check(def, 'length_equals')?.length ?? 0);
	const max = Number(check(def, 'max_length')?.maximum ?? check(def, 'length_equals')?.length ?? 200);
	const around = fc.constantFrom(Math.max(min - 1, 0), min, max, max + 1).map((n) => 'å'.repeat(n));
	const format = check(def, 'string_format') ?? (def.format ? { format: def.format, pattern: def.pattern } : undefined);
	const shaped: fc.Arbitrary<string>[] = [text(Math.min(max + 2, 400)), around];
	const formatted = format ? FORMATS[String(format.format)] : undefined;
	if (formatted) shaped.push(formatted(), formatted());
	if (format?.format === 'regex' && format.pattern instanceof RegExp) {
		const pattern = format.pattern;
		if (!pattern.flags.includes('u') || pattern.source.length < 200)
			shaped.push(fc.stringMatching(pattern), fc.stringMatching(pattern));
	}
	return fc.oneof(...shaped);
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
	const bound = (name: string, key: string) => check(def, name)?.[key] as number | undefined;
	const min = bound('greater_than', 'value') ?? -1000;
	const max = bound('less_than', 'value') ?? 100_000;
	const isInt = check(def, 'number_format')?.format?.toString().includes('int') || def.format === 'safeint';
	return fc.oneof(
		{ weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }) },
		{ weight: 2, arbitrary: fc.constantFrom(min - 1, min, max, max + 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53) },
		{ weight: 1, arbitrary: fc.double({ noDefaultInfinity: false }) },
		{ weight: isInt ? 1 : 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }
	);
}

/** The arbitrary for `schema`: shaped after it, with `anything` mixed in at every level. */
export function arbitraryFor(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
	const shaped = shapedFor(schema, depth);
	return fc.oneof({ weight: 9, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) });
}

function shapedFor(schema: unknown, depth: number): fc.Arbitrary<unknown> {
	const def = defOf(schema);
	if (depth > 6) return fc.constant(undefined);
	const next = (s: unknown) => arbitraryFor(s, depth + 1);
	switch (def.type) {
		case 'string':
			return stringArbitrary(def);
		case 'number':
		case 'int':
			return numberArbitrary(def);
		case 'bigint':
			return fc.bigInt();
		case 'boolean':
			return fc.oneof(fc.boolean(), fc.constantFrom('on', 'true', 1));
		case 'date':
			return fc.date();
		case 'null':
			return fc.constant(null);
		case 'undefined':
		case 'void':
			return fc.constant(undefined);
		case 'literal':
			return fc.oneof(fc.constantFrom(...(def.values as unknown[])), text(10));
		case 'enum':
			return fc.oneof(
				{ weight: 4, arbitrary: fc.constantFrom(...Object.values(def.entries as object)) },
				{ weight: 1, arbitrary: text(10) }
			);
		case 'object': {
			const shape = def.shape as Record<string, unknown>;
			const keys = Object.keys(shape);
			const record = fc.record(Object.fromEntries(keys.map((k) => [k, next(shape[k])])), { requiredKeys: [] });
			// Now and then a key the schema does not know, for the strict objects.
			return fc.oneof(
				{ weight: 6, arbitrary: record },
				{
					weight: 1,
					arbitrary: fc
						.tuple(record, fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }))
						.map(([r, k, v]) => ({ ...r, [k]: v }))
				}
			);
		}
		case 'array': {
			const max = Number(check(def, 'max_length')?.maximum ?? 8);
			return fc.array(next(def.element), { maxLength: Math.min(max + 1, 30) });
		}
		case 'tuple':
			return fc.tuple(...(def.items as unknown[]).map(next));
		case 'union':
			return fc.oneof(...(def.options as unknown[]).map(next));
		case 'intersection':
			return fc
				.tuple(next(def.left), next(def.right))
				.map(([l, r]) => (l && r && typeof l === 'object' && typeof r === 'object' ? { ...l, ...r } : l));
		case 'optional':
		case 'nullable':
		case 'default':
		case 'prefault':
		case 'nonoptional':
		case 'readonly':
		case 'catch':
			return fc.oneof(fc.constant(def.type === 'nullable' ? null : undefined), next(def.innerType));
		case 'pipe':
			return next(def.in);
		case 'lazy':
			return next((def.getter as () => unknown)());
		case 'record':
			return fc.dictionary(fc.string({ maxLength: 10 }), next(def.valueType), { maxKeys: 5 });
		default:
			// any, unknown, custom, transform, …: nothing to go on but anything.
			return fc.anything({ maxDepth: 2 });
	}
}
