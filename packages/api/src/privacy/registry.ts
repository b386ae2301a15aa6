import { personalData as accessibility } from '../accessibility/index.ts';
import { personalData as accounts } from '../accounts/index.ts';
import { personalData as asf } from '../asf/index.ts';
import { personalData as content } from '../content/index.ts';
import { auditPersonalData, type PersonalDataRegistration } from '../core/index.ts';
import { personalData as documents } from '../documents/index.ts';
import { personalData as insatser } from '../insatser/index.ts';
import { personalData as mail } from '../mail/index.ts';
import { personalData as minutes } from '../minutes/index.ts';
import { personalData as news } from '../news/index.ts';
import { personalData as privacy } from './personal-data.ts';
import { personalData as projects } from '../projects/index.ts';
import { personalData as sites } from '../sites/index.ts';

/**
 * Every domain's declaration of the personal data it holds. Accounts come last: the other domains
 * unlink from the account before it (and what cascades from it) goes.
 */
export const PERSONAL_DATA_REGISTRY: readonly PersonalDataRegistration[] = [
	news,
	content,
	minutes,
	documents,
	insatser,
	projects,
	asf,
	accessibility,
	sites,
	mail,
	auditPersonalData,
	privacy,
	accounts
];
