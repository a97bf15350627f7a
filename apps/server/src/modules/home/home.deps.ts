/** What the landing page needs from the composition root (AppContext satisfies it). */
import type { Config } from '../../platform/config.js';

export interface HomeDeps {
  config: Pick<Config, 'platform'>;
}
