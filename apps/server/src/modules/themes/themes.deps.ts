/** What the themes module's routes need from the composition root (AppContext satisfies it). */
import type { Db } from '../../platform/database/index.js';
import type { Authenticator } from '../../platform/http/guards.js';

export interface ThemesDeps {
  db: Db;
  sessions: Authenticator;
}
