import { listApps } from '../../infra/scripts/apps.ts';
import { PORT_OFFSET } from './portal.ts';

/** Every app in apps/, at its e2e address: a new förbund site is tested without editing the suite. */
export async function sites() {
	return (await listApps()).map(({ name, config }) => ({
		name,
		config,
		url: `http://localhost:${config.port + PORT_OFFSET}`
	}));
}
