export * from './common.js';
export * from './auth.js';
export * from './merchants.js';
export * from './themes.js';
export * from './plans.js';
export * from './events.js';
