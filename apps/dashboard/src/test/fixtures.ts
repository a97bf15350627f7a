/**
 * Realistic API payloads for component tests, shaped by the contracts the server validates
 * its responses with (so a drift in the contract breaks these at type-check time).
 */
import type {
  CatalogUsage,
  CollectionList,
  MerchantLoginResponse,
  MerchantOverview,
  Product,
  ProductList,
  ProductSummary,
  StoreSettings,
} from '@orbit360/contracts';

export const MERCHANT_A = {
  id: '0b5b3b1e-6f0a-4d53-9a43-1f7c2f9e0a11',
  merchantId: '7d0c3f0e-2a7b-4c55-8a0b-5b2f8d6c1e22',
  tenantId: '3f1e5c7a-9b2d-4e6f-8a1c-2d3e4f5a6b33',
  role: 'owner',
} as const;

/** A JWT-shaped token whose payload has an `exp` one hour from now (signature is not checked client-side). */
export function fakeJwt(claims: Record<string, unknown> = {}) {
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return `${encode({ alg: 'HS256' })}.${encode({ sub: MERCHANT_A.id, exp, ...claims })}.c2lnbmF0dXJl`;
}

export function loginResponse(): MerchantLoginResponse {
  return { token: fakeJwt(), merchant: { ...MERCHANT_A } };
}

export function overviewPayload(
  overrides: Partial<MerchantOverview['store']> = {},
): MerchantOverview {
  return {
    account: {
      id: MERCHANT_A.id,
      email: 'ada@lovelace-books.test',
      name: 'Ada Lovelace',
      role: 'owner',
    },
    merchant: {
      id: MERCHANT_A.merchantId,
      merchantCode: 'merchant_k3x9q2',
      storeName: 'Lovelace Books',
      ownerName: 'Ada Lovelace',
      email: 'ada@lovelace-books.test',
      status: 'active',
    },
    store: {
      name: 'Lovelace Books',
      slug: 'lovelace-books',
      status: 'live',
      websiteUrl: 'http://lovelace-books.localhost:5000',
      dashboardUrl: 'http://localhost:3003/?merchant=merchant_k3x9q2',
      currency: 'USD',
      timezone: 'Europe/London',
      locale: 'en-GB',
      liveAt: '2025-05-01T10:00:00.000Z',
      ...overrides,
    },
    plan: {
      id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c44',
      key: 'professional',
      name: 'Professional',
      priceCents: 7999,
      currency: 'USD',
      interval: 'month',
    },
    theme: { id: '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d55', key: 'classic', name: 'Classic' },
    onboarding: {
      completed: 1,
      total: 3,
      tasks: [
        {
          key: 'set_password',
          label: 'Set your password',
          description: 'Secure your account.',
          isDone: true,
        },
        {
          key: 'add_product',
          label: 'Add your first product',
          description: 'Replace the sample products with your own.',
          isDone: false,
        },
        {
          key: 'customize_theme',
          label: 'Customize your theme',
          description: 'Colors, fonts and logo.',
          isDone: false,
        },
      ],
    },
  };
}

export function storeSettingsPayload(overrides: Partial<StoreSettings> = {}): StoreSettings {
  return {
    name: 'Lovelace Books',
    tagline: 'Rare books and first editions',
    logoText: 'LB',
    contactEmail: 'hello@lovelace-books.test',
    currency: 'USD',
    timezone: 'Europe/London',
    locale: 'en-GB',
    updatedAt: '2025-05-01T10:00:00.000Z',
    ...overrides,
  };
}

export const errorBody = (code: string, message: string, details?: unknown) => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

let nextId = 1;
/** A fresh, valid UUID for fixtures (stable order within a test file). */
export const fixtureId = () => `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;

export function productSummary(overrides: Partial<ProductSummary> = {}): ProductSummary {
  return {
    id: fixtureId(),
    handle: 'stoneware-mug',
    title: 'Stoneware Mug',
    status: 'active',
    isSample: false,
    revision: 1,
    priceCents: 2400,
    variantsCount: 1,
    inventory: 12,
    image: { url: 'https://images.test/mug.jpg', alt: 'A mug' },
    updatedAt: '2025-05-01T10:00:00.000Z',
    ...overrides,
  };
}

export function productList(items: ProductSummary[], total = items.length, page = 1): ProductList {
  return { items, total, page, pageSize: 20 };
}

export function productPayload(overrides: Partial<Product> = {}): Product {
  return {
    id: fixtureId(),
    handle: 'linen-tee',
    title: 'Linen Tee',
    description: '<p>Soft.</p>',
    status: 'active',
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [
      {
        id: fixtureId(),
        position: 0,
        optionValues: ['S'],
        sku: 'TEE-S',
        priceCents: 2400,
        compareAtPriceCents: null,
        inventoryQuantity: 5,
        trackInventory: true,
        allowBackorder: false,
      },
      {
        id: fixtureId(),
        position: 1,
        optionValues: ['M'],
        sku: 'TEE-M',
        priceCents: 2600,
        compareAtPriceCents: null,
        inventoryQuantity: 3,
        trackInventory: true,
        allowBackorder: false,
      },
    ],
    images: [{ url: 'https://images.test/tee.jpg', alt: 'A tee' }],
    collectionIds: [],
    seoTitle: '',
    seoDescription: '',
    isFeatured: false,
    isSample: false,
    revision: 3,
    createdAt: '2025-05-01T10:00:00.000Z',
    updatedAt: '2025-05-01T10:00:00.000Z',
    ...overrides,
  };
}

export function usagePayload(products = { used: 4, limit: 5 as number | null }): CatalogUsage {
  return {
    products,
    storageMb: { used: 12, limit: 1000 },
    staffAccounts: { used: 1, limit: 2 },
  };
}

export const noCollections = (): CollectionList => ({ items: [] });
