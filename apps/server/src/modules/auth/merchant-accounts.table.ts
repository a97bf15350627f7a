import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MERCHANT_ROLES } from '@orbit360/contracts';
import { merchants } from '../merchants/merchants.table.js';
import { tenants } from '../tenants/tenants.table.js';

export const merchantRole = pgEnum('merchant_role', MERCHANT_ROLES);

/**
 * People who sign in to a merchant dashboard. Platform-level (no RLS policy) because login
 * looks an account up by email before any tenant context exists; every other read is scoped
 * by the tenant id carried in the merchant token. One owner per tenant (partial unique index),
 * created by provisioning without a password: the owner chooses one through the one-time
 * link of the welcome email.
 */
export const merchantAccounts = pgTable(
  'merchant_accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    name: text().notNull(),
    role: merchantRole().notNull().default('staff'),
    passwordHash: text('password_hash'),
    passwordSetAt: timestamp('password_set_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('merchant_accounts_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('merchant_accounts_owner_key')
      .on(t.tenantId)
      .where(sql`role = 'owner'`),
  ],
);

/**
 * One-time tokens for choosing a password (welcome email, later password reset). Only the
 * SHA-256 of the token is stored; a token is single use (`used_at`) and expires.
 */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => merchantAccounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    purpose: text().$type<'set_password' | 'reset_password'>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_tokens_account_idx').on(t.accountId)],
);
