export { admins } from './admins.table.js';
export { authRoutes } from './auth.routes.js';
export { requireAdmin, requireMerchant, adminOf, merchantOf, bearerToken } from './auth.guards.js';
export { createTokenService, type TokenService, type Principal } from './tokens.js';
export type { AdminPrincipal, MerchantPrincipal } from './tokens.js';
export { createLoginRateLimiter, type LoginRateLimiter } from './login-rate-limiter.js';
export { ensureBootstrapAdmin } from './ensure-bootstrap-admin.js';
export { createAdmin } from './create-admin.js';
export { hashPassword, verifyPassword, passwordWeakness, getDummyHash } from './passwords.js';
