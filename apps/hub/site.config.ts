import { defineSite } from '@regionportalen/site-kit/server/site';

export default defineSite({ kind: 'hub', regions: ['stockholm', 'varmland-dalsland'], port: 5170 });
