// A news item's statuses, in Swedish.

export const STATUS_LABELS: Record<string, string> = {
	draft: 'Utkast',
	scheduled: 'Schemalagd',
	published: 'Publicerad',
	archived: 'Arkiverad'
};
