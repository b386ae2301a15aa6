/** A URL slug from a Swedish title: "Frukostmöte om unga – 4 dec" → "frukostmote-om-unga-4-dec". */
export function slugify(text: string): string {
	const slug = text
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/g, '');
	return slug || 'nyhet';
}
