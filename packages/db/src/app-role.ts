import pg from 'pg';

/** The role the migrations grant the servers' rights to (see migration 0003). */
export const APP_ROLE = 'rp_app';

export interface Login {
	user: string;
	password: string;
}

/** The same server and database as `url`, reached as another login. */
export function urlAs(url: string, { user, password }: Login): string {
	const u = new URL(url);
	u.username = encodeURIComponent(user);
	u.password = encodeURIComponent(password);
	return u.toString();
}

/**
 * Makes sure a login role exists and is a member of `role` (rp_app for the servers, rp_worker for the
 * worker), connecting with a role that may create roles (the embedded server's superuser, say).
 * Returns the URL the login uses. In production the DBA creates these logins once; the portal never
 * needs CREATEROLE there.
 */
export async function ensureAppLogin(adminUrl: string, login: Login, role = APP_ROLE): Promise<string> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		const exists = await client.query('select 1 from pg_roles where rolname = $1', [login.user]);
		const ident = client.escapeIdentifier(login.user);
		const password = client.escapeLiteral(login.password);
		if (exists.rowCount === 0) {
			await client.query(`create role ${ident} login password ${password} nosuperuser nobypassrls in role ${role}`);
		} else {
			await client.query(`grant ${role} to ${ident}`);
		}
	} finally {
		await client.end();
	}
	return urlAs(adminUrl, login);
}
