export { sessions } from './sessions.table.js';
export {
  createSessionService,
  endSessions,
  type ClientInfo,
  type SessionService,
} from './sessions.js';
export { createTokenService } from './tokens.js';
