import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { accessibilityMatrix } from './accessibility.ts';
import { adminAuditMatrix, adminPeopleMatrix, adminRolesMatrix } from './accounts.ts';
import { asfMatrix } from './asf.ts';
import { asfAgreementsMatrix } from './asf-agreements.ts';
import { contentMatrix } from './content.ts';
import { documentsMatrix } from './documents.ts';
import { insatsCatalogueMatrix } from './insatser-catalogue.ts';
import { insatserMatrix } from './insatser.ts';
import { mailMatrix } from './mail.ts';
import { minutesMatrix } from './minutes.ts';
import { newsMatrix } from './news.ts';
import { privacyMatrix } from './privacy.ts';
import { projectsMatrix } from './projects.ts';
import { sitesMatrix } from './sites.ts';
import type { Matrix } from './runner.ts';

export { pathsOf, runMatrix, type Mode } from './runner.ts';

/**
 * Every domain's access matrix, with the fewest denials each must count (a guard against a matrix
 * that silently stopped trying). A new domain adds its matrix here.
 */
export async function allMatrices(db: Db, owner: Db, fx: Fixtures) {
	return [
		{ matrix: newsMatrix(db, owner, fx), minDenied: 350 },
		{ matrix: privacyMatrix(db, owner, fx), minDenied: 5 },
		{ matrix: contentMatrix(db, owner, fx), minDenied: 350 },
		{ matrix: await minutesMatrix(db, owner, fx), minDenied: 120 },
		{ matrix: adminRolesMatrix(db, owner, fx), minDenied: 100 },
		{ matrix: adminPeopleMatrix(db, owner, fx), minDenied: 30 },
		{ matrix: adminAuditMatrix(db, owner, fx), minDenied: 3 },
		{ matrix: mailMatrix(db, owner, fx), minDenied: 4 },
		{ matrix: sitesMatrix(db, owner, fx), minDenied: 60 },
		{ matrix: accessibilityMatrix(db, owner, fx), minDenied: 40 },
		{ matrix: await insatserMatrix(db, owner, fx), minDenied: 350 },
		{ matrix: await insatsCatalogueMatrix(db, owner, fx), minDenied: 45 },
		{ matrix: await documentsMatrix(db, owner, fx), minDenied: 150 },
		{ matrix: projectsMatrix(db, owner, fx), minDenied: 300 },
		{ matrix: await asfMatrix(db, owner, fx), minDenied: 240 },
		{ matrix: await asfAgreementsMatrix(db, owner, fx), minDenied: 130 }
	] as unknown as { matrix: Matrix; minDenied: number }[];
}
