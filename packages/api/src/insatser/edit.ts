import type { Insats } from '@regionportalen/db';
import { renderMarkdown, versionedItems } from '../core/index.ts';
import { insatsFields, type InsatsFields } from './schemas.ts';

// Writing an insats's content: every save bumps the version (optimistic concurrency, as news) and
// leaves a revision, whose data holds the fields as the editor sent them; a restore brings those
// back except the four Uppföljning Finsam categories, which stay as they are now.

export function contentColumns(f: InsatsFields) {
	return {
		name: f.name,
		summary: f.summary,
		description: f.description,
		// Rendered and sanitised once here, as news's body: the catalogue never renders on reading.
		description_html: renderMarkdown(f.description),
		inriktning: f.inriktning,
		precise_category_id: f.preciseCategoryId,
		follow_up: f.followUp,
		esf: f.esf,
		target_groups: f.targetGroups,
		age_min: f.ageMin,
		age_max: f.ageMax,
		municipalities: f.municipalities,
		providers: JSON.stringify(f.providers),
		access_via: f.accessVia,
		access_text: f.accessText,
		contacts: JSON.stringify(f.contacts),
		places: f.places,
		period_start: f.periodStart,
		period_end: f.periodEnd
	};
}

/** The fields of a saved row, as an editor would send them. */
export function fieldsOf(item: Insats): InsatsFields {
	return {
		name: item.name,
		summary: item.summary,
		description: item.description,
		inriktning: item.inriktning,
		preciseCategoryId: item.precise_category_id,
		followUp: item.follow_up,
		esf: item.esf,
		targetGroups: item.target_groups,
		ageMin: item.age_min,
		ageMax: item.age_max,
		municipalities: item.municipalities,
		providers: item.providers,
		accessVia: item.access_via,
		accessText: item.access_text,
		contacts: item.contacts,
		places: item.places,
		periodStart: item.period_start,
		periodEnd: item.period_end
	};
}

export const { recordRevision, saveVersioned, bumpVersion, listRevisions, findRevision } = versionedItems({
	table: 'insats',
	revisions: 'insats_revision',
	key: 'insats_id',
	revisionOf: (item) => ({ title: item.name, data: JSON.stringify(fieldsOf(item)) })
});

/**
 * A revision's fields over today's four categories (a restore never changes them, whether or not the
 * insats was published: they are Uppföljning Finsam's, not text). A revision saved under older rules
 * falls back to today's value field by field.
 */
export function restoredFields(item: Insats, data: Record<string, unknown>): InsatsFields {
	const current = fieldsOf(item);
	const merged = { ...current, ...data };
	const categories = {
		inriktning: current.inriktning,
		preciseCategoryId: current.preciseCategoryId,
		followUp: current.followUp,
		esf: current.esf
	};
	const parsed = insatsFields.safeParse({ ...merged, ...categories });
	return parsed.success ? parsed.data : current;
}
