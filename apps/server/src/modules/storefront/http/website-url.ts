import type { Config } from '../../../platform/config.js';

/** The public address of a store's website: `${protocol}://${slug}.${platform.domain}/`. */
export function websiteUrlFor(config: Config, slug: string): string {
  return `${config.platform.protocol}://${slug}.${config.platform.domain}/`;
}
