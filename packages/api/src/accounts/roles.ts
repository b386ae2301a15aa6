import type { BoardRole, Role } from '@regionportalen/db';

// How roles read in Swedish, in pages, mails and the audit log.

export const ROLE_LABELS: Record<Role, string> = {
	editor: 'redaktör',
	forbund_admin: 'förbundsadministratör',
	presidium: 'presidieledamot',
	coordinator: 'regional samordnare',
	platform_admin: 'plattformsadministratör'
};

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
