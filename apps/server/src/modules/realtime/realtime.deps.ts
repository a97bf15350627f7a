/** What the realtime gateway's routes need from the composition root (AppContext satisfies it). */
import type { Authenticator } from '../../platform/http/guards.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimeHub } from './realtime-hub.js';

export interface RealtimeDeps {
  sessions: Authenticator;
  /** This instance's hub: sockets attach to it. */
  realtime: RealtimeHub;
  logger: Logger;
}
