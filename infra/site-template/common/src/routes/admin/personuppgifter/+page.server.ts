// GENERATED_NOTICE
export {
	loadPersonalDataRequests as load,
	personalDataActions as actions
} from '@regionportalen/site-kit/privacy/server';
