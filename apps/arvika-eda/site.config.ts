import { defineSite } from '@regionportalen/site-kit/server/site';

export default defineSite({ kind: 'forbund', forbund: 'arvika-eda', port: 5172 });
