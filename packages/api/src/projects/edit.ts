import type { Project } from '@regionportalen/db';
import { renderMarkdown, versionedItems } from '../core/index.ts';
import type { ProjectFields } from './schemas.ts';

// Writing a project's text: every save bumps the version (optimistic concurrency, as news and
// insatser) and leaves a revision holding the fields as the editor sent them.

export function contentColumns(f: ProjectFields) {
	return {
		name: f.name,
		full_name: f.fullName,
		summary: f.summary,
		purpose: f.purpose,
		// Rendered and sanitised once here: the page never renders on reading.
		purpose_html: renderMarkdown(f.purpose),
		target_groups: f.targetGroups,
		methods: f.methods,
		goals: f.goals,
		referral: f.referral,
		esf: f.esf,
		planned_participants: f.plannedParticipants,
		contacts: JSON.stringify(f.contacts),
		life_status: f.lifeStatus
	};
}

/** The fields of a saved row, as an editor would send them. */
export function fieldsOf(item: Project): ProjectFields {
	return {
		name: item.name,
		fullName: item.full_name,
		summary: item.summary,
		purpose: item.purpose,
		targetGroups: item.target_groups,
		methods: item.methods,
		goals: item.goals,
		referral: item.referral,
		esf: item.esf,
		plannedParticipants: item.planned_participants,
		contacts: item.contacts,
		lifeStatus: item.life_status
	};
}

export const { recordRevision, saveVersioned, bumpVersion, listRevisions } = versionedItems({
	table: 'project',
	revisions: 'project_revision',
	key: 'project_id',
	revisionOf: (item) => ({ title: item.name, data: JSON.stringify(fieldsOf(item)) })
});
