import { defineSite } from '@regionportalen/site-kit/server/site';

export default defineSite({ kind: 'forbund', forbund: 'sus', port: 5171 });
