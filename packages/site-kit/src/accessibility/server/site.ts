import type { RouterInputs } from '@regionportalen/api';
import type { SiteLocals } from '../../core/server/index.ts';

/** The site a statement or report belongs to: this förbund's, or the hub (the platform admins'). */
export type AccessibilitySite = RouterInputs['accessibility']['statement']['site'];

export function accessibilitySite(locals: SiteLocals): AccessibilitySite {
	return locals.site.kind === 'forbund' ? { forbund: locals.site.forbund } : { hub: true };
}
