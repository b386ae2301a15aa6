export const TEMPLATE_DATABASE = 'rp_template';
