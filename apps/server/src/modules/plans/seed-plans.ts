import type { Executor } from '../../platform/database/index.js';
import { plans } from './plans.table.js';

const SEED_PLANS: (typeof plans.$inferInsert)[] = [
  {
    key: 'starter',
    name: 'Starter',
    description: 'Everything a new store needs to start selling.',
    priceCents: 2999,
    limits: { products: 100, staffAccounts: 2, storageMb: 1024, customDomain: false },
    features: ['Themed storefront', 'Up to 100 products', '2 staff accounts', 'Email support'],
    sortOrder: 1,
  },
  {
    key: 'professional',
    name: 'Professional',
    description: 'For growing brands that need more room and a custom domain.',
    priceCents: 7999,
    isPopular: true,
    limits: { products: 5000, staffAccounts: 10, storageMb: 20_480, customDomain: true },
    features: [
      'Everything in Starter',
      'Up to 5,000 products',
      '10 staff accounts',
      'Custom domain',
      'Priority support',
    ],
    sortOrder: 2,
  },
  {
    key: 'enterprise',
    name: 'Enterprise',
    description: 'Unlimited scale with dedicated support.',
    priceCents: 29_999,
    limits: { products: null, staffAccounts: null, storageMb: null, customDomain: true },
    features: [
      'Everything in Professional',
      'Unlimited products',
      'Unlimited staff accounts',
      'Unlimited storage',
      'Dedicated success manager',
    ],
    sortOrder: 3,
  },
];

/** Inserts the three standard plans when missing; admin edits are never overwritten. */
export async function seedPlans(db: Executor) {
  await db.insert(plans).values(SEED_PLANS).onConflictDoNothing({ target: plans.key });
}
