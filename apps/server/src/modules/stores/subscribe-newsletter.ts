import type { Db } from '../../platform/database/index.js';
import { withTenant } from '../../platform/database/index.js';
import { newsletterSubscribers } from './content.table.js';

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export const isEmailAddress = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 254 && EMAIL_RE.test(value);

/** Adds a shopper to the store's newsletter list. Subscribing twice is a no-op. */
export async function subscribeNewsletter(options: { db: Db; tenantId: string; email: string }) {
  const email = options.email.trim().toLowerCase();
  await withTenant(options.db, options.tenantId, (tx) =>
    tx
      .insert(newsletterSubscribers)
      .values({ tenantId: options.tenantId, email })
      .onConflictDoNothing(),
  );
}
