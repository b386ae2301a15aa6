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
 * Makes sure a login role for the servers exists and is a member of rp_app, connecting with a role
 * that may create roles (the embedded server's superuser, say). Returns the URL the servers use. In
 * production the DBA creates this login once; the portal never needs CREATEROLE there.
 */
export async function ensureAppLogin(adminUrl: string, login: Login): Promise<string> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		const exists = await client.query('select 1 from pg_roles where rolname = $1', [login.user]);
		const ident = client.escapeIdentifier(login.user);
		const password = client.escapeLiteral(login.password);
		if (exists.rowCount === 0) {
			await client.query(`create role ${ident} login password ${password} nosuperuser nobypassrls in role ${APP_ROLE}`);
		} else {
			await client.query(`grant ${APP_ROLE} to ${ident}`);
		}
	} finally {
		await client.end();
	}
	return urlAs(adminUrl, login);
}
