import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-23-0001-foundation.ts';
import * as federation from './2026-11-23-0002-federation.ts';
import * as rowLevelSecurity from './2026-11-23-0003-row-level-security.ts';
import * as newsPublishing from './2026-11-23-0004-news-publishing.ts';
import * as feedIndexes from './2026-11-23-0005-feed-indexes.ts';
import * as auditLog from './2026-11-23-0006-audit-log.ts';
import * as accounts from './2026-11-23-0007-accounts.ts';
import * as presidiumMinutes from './2026-11-23-0008-presidium-minutes.ts';
import * as newsSearchFunction from './2026-11-23-0009-news-search-function.ts';
import * as storedBodyHtml from './2026-11-23-0010-stored-body-html-and-tag-function.ts';
import * as swedishCollation from './2026-11-23-0011-swedish-collation.ts';
import * as emailChangeToken from './2026-11-23-0012-email-change-token.ts';
import * as rolesAsData from './2026-12-01-0013-roles-as-data.ts';
import * as auditWithoutPersonalData from './2026-12-01-0014-audit-without-personal-data.ts';
import * as mailOutbox from './2026-12-02-0015-mail-outbox.ts';
import * as contentPages from './2026-12-02-0016-content-pages.ts';
import * as accessibility from './2026-12-02-0017-accessibility.ts';
import * as siteFeatures from './2026-12-02-0018-site-features.ts';
import * as siteMenu from './2026-12-02-0019-site-menu.ts';
import * as fileKeyInUse from './2026-12-02-0020-file-key-in-use.ts';
import * as insatser from './2026-12-02-0021-insatser.ts';
import * as documents from './2026-12-02-0022-documents.ts';
import * as insatsCatalogue from './2026-12-02-0023-insats-catalogue.ts';
import * as documentSearch from './2026-12-02-0024-document-search.ts';
import * as insatsEditorial from './2026-12-02-0025-insats-editorial.ts';
import * as projects from './2026-12-02-0026-projects.ts';
import * as asf from './2026-12-03-0027-asf.ts';
import * as asfRequests from './2026-12-03-0028-asf-requests.ts';
import * as asfAgreements from './2026-12-03-0029-asf-agreements.ts';
import * as personalDataRls from './2026-12-03-0030-personal-data-rls.ts';
import * as personalDataRequests from './2026-12-03-0031-personal-data-requests.ts';
import * as mailParts from './2026-12-05-0032-mail-parts.ts';

// Listed statically (not read from disk) so the same migrations run from the CLI, from tests and
// from a bundled server. Append new migrations at the end; never rename or edit a released one.
export const migrations: Record<string, Migration> = {
	'2026-11-23-0001-foundation': foundation,
	'2026-11-23-0002-federation': federation,
	'2026-11-23-0003-row-level-security': rowLevelSecurity,
	'2026-11-23-0004-news-publishing': newsPublishing,
	'2026-11-23-0005-feed-indexes': feedIndexes,
	'2026-11-23-0006-audit-log': auditLog,
	'2026-11-23-0007-accounts': accounts,
	'2026-11-23-0008-presidium-minutes': presidiumMinutes,
	'2026-11-23-0009-news-search-function': newsSearchFunction,
	'2026-11-23-0010-stored-body-html-and-tag-function': storedBodyHtml,
	'2026-11-23-0011-swedish-collation': swedishCollation,
	'2026-11-23-0012-email-change-token': emailChangeToken,
	'2026-12-01-0013-roles-as-data': rolesAsData,
	'2026-12-01-0014-audit-without-personal-data': auditWithoutPersonalData,
	'2026-12-02-0015-mail-outbox': mailOutbox,
	'2026-12-02-0016-content-pages': contentPages,
	'2026-12-02-0017-accessibility': accessibility,
	'2026-12-02-0018-site-features': siteFeatures,
	'2026-12-02-0019-site-menu': siteMenu,
	'2026-12-02-0020-file-key-in-use': fileKeyInUse,
	'2026-12-02-0021-insatser': insatser,
	'2026-12-02-0022-documents': documents,
	'2026-12-02-0023-insats-catalogue': insatsCatalogue,
	'2026-12-02-0024-document-search': documentSearch,
	'2026-12-02-0025-insats-editorial': insatsEditorial,
	'2026-12-02-0026-projects': projects,
	'2026-12-03-0027-asf': asf,
	'2026-12-03-0028-asf-requests': asfRequests,
	'2026-12-03-0029-asf-agreements': asfAgreements,
	'2026-12-03-0030-personal-data-rls': personalDataRls,
	'2026-12-03-0031-personal-data-requests': personalDataRequests,
	'2026-12-05-0032-mail-parts': mailParts
};
