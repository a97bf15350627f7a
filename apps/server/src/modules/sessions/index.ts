export { sessions } from './sessions.table.js';
export {
  createSessionService,
  endSessions,
  sessionEndedError,
  type ClientInfo,
  type SessionService,
  type SessionScope,
} from './sessions.js';
export {
  createTokenService,
  type TokenService,
  type Principal,
  type AdminPrincipal,
  type MerchantPrincipal,
} from './tokens.js';
