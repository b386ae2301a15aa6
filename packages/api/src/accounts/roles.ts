import { ROLE_DEFINITIONS, type BoardRole, type Role } from '@regionportalen/db';

// How roles read in Swedish, in pages, mails and the audit log: the labels of the roles'
// definitions (@regionportalen/db's roles.ts), and the board roles of a presidium membership.

export const ROLE_LABELS = Object.fromEntries(
	Object.entries(ROLE_DEFINITIONS).map(([role, d]) => [role, d.label])
) as Record<Role, string>;

export const BOARD_ROLE_LABELS: Record<BoardRole, string> = {
	ordforande: 'ordförande',
	vice_ordforande: 'vice ordförande',
	ledamot: 'ledamot',
	ersattare: 'ersättare',
	forbundschef: 'förbundschef'
};

export function roleLabel(role: Role, boardRole: BoardRole | null): string {
	return boardRole ? `${ROLE_LABELS[role]} (${BOARD_ROLE_LABELS[boardRole]})` : ROLE_LABELS[role];
}
