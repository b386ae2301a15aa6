// A content page's statuses, in Swedish.
export const PAGE_STATUS_LABELS: Record<string, string> = {
	draft: 'Utkast',
	published: 'Publicerad'
};
