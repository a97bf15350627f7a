export { admins } from './admins.table.js';
export { authRoutes } from './auth.routes.js';
export { requireAdmin, requireMerchant, adminOf, merchantOf, bearerToken } from './auth.guards.js';
export { ensureBootstrapAdmin } from './ensure-bootstrap-admin.js';
export { resetAdminPassword } from './reset-admin-password.js';
export { createAdmin } from './create-admin.js';
export { hashPassword, verifyPassword, passwordWeakness, getDummyHash } from './passwords.js';
export { merchantAccounts, passwordTokens, merchantRole } from './merchant-accounts.table.js';
export { createOwnerAccounts, type NewOwnerAccount } from './create-owner-account.js';
export {
  createPasswordTokens,
  oneTimeToken,
  setPasswordLinkTemplate,
  SET_PASSWORD_TOKEN_TTL_MS,
} from './password-tokens.js';
export { PASSWORD_RESET_TASK, createPasswordResetHandler } from './request-password-reset.js';
export { sendPasswordLink } from './send-password-link.js';
