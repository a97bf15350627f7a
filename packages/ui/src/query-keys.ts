/**
 * The one query-key factory of both SPAs (TanStack Query). Keys are hierarchical per resource
 * — `all` ⊃ `lists()` ⊃ `list(params)` — so invalidating a prefix (a mutation's `onSuccess`, a
 * realtime event) refreshes every query below it. Hooks and invalidations use these functions
 * only; no screen spells a key array itself.
 */
import type { EmailStatus, MerchantStatus, ProductStatus } from '@orbit360/contracts';

export interface MerchantListParams {
  status?: MerchantStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface EmailLogParams {
  to?: string;
  status?: EmailStatus;
  page?: number;
}

export interface AuditParams {
  targetId?: string;
  targetType?: string;
  action?: string;
  page?: number;
  pageSize?: number;
}

const merchants = {
  all: ['merchants'] as const,
  lists: () => [...merchants.all, 'list'] as const,
  list: (params: MerchantListParams) => [...merchants.lists(), params] as const,
  details: () => [...merchants.all, 'detail'] as const,
  detail: (id: string) => [...merchants.details(), id] as const,
};

const provisioning = {
  all: ['provisioning'] as const,
  statuses: () => [...provisioning.all, 'status'] as const,
  status: (merchantId: string) => [...provisioning.statuses(), merchantId] as const,
  slug: (slug: string) => [...provisioning.all, 'slug', slug] as const,
};

const plans = {
  all: ['plans'] as const,
  lists: () => [...plans.all, 'list'] as const,
  list: (includeArchived: boolean) => [...plans.lists(), { includeArchived }] as const,
};

const themes = {
  all: ['themes'] as const,
  lists: () => [...themes.all, 'list'] as const,
  list: (includeArchived: boolean) => [...themes.lists(), { includeArchived }] as const,
};

const emails = {
  all: ['emails'] as const,
  lists: () => [...emails.all, 'list'] as const,
  list: (params: EmailLogParams) => [...emails.lists(), params] as const,
};

const audit = {
  all: ['audit'] as const,
  lists: () => [...audit.all, 'list'] as const,
  list: (params: AuditParams) => [...audit.lists(), params] as const,
};

/** The merchant's overview; the tenant is in the key only so two sessions never share an entry. */
const overview = {
  all: ['merchant', 'overview'] as const,
  detail: (tenantId: string) => [...overview.all, tenantId] as const,
};

const storeSettings = {
  all: ['merchant', 'store-settings'] as const,
  detail: (tenantId: string) => [...storeSettings.all, tenantId] as const,
  update: () => [...storeSettings.all, 'update'] as const,
};

export interface ProductListParams {
  q?: string;
  status?: ProductStatus;
  collectionId?: string;
  page?: number;
  pageSize?: number;
}

/** The merchant's catalog (tenant in the key for the same reason as the overview's). */
const products = {
  all: ['merchant', 'products'] as const,
  lists: () => [...products.all, 'list'] as const,
  list: (tenantId: string, params: ProductListParams) =>
    [...products.lists(), tenantId, params] as const,
  details: () => [...products.all, 'detail'] as const,
  detail: (tenantId: string, id: string) => [...products.details(), tenantId, id] as const,
};

const collections = {
  all: ['merchant', 'collections'] as const,
  lists: () => [...collections.all, 'list'] as const,
  list: (tenantId: string) => [...collections.lists(), tenantId] as const,
  details: () => [...collections.all, 'detail'] as const,
  detail: (tenantId: string, id: string) => [...collections.details(), tenantId, id] as const,
};

/** Usage against the plan's limits (products, storage, staff). */
const usage = {
  all: ['merchant', 'usage'] as const,
  detail: (tenantId: string) => [...usage.all, tenantId] as const,
};

/** Mutation keys of the merchant's unauthenticated calls. */
const auth = {
  all: ['auth'] as const,
  login: () => [...auth.all, 'login'] as const,
  setPassword: () => [...auth.all, 'set-password'] as const,
  passwordReset: () => [...auth.all, 'password-reset'] as const,
};

const applications = {
  all: ['applications'] as const,
  submit: () => [...applications.all, 'submit'] as const,
};

export const queryKeys = {
  // admin panel
  merchants,
  provisioning,
  plans,
  themes,
  emails,
  audit,
  // merchant dashboard
  overview,
  storeSettings,
  products,
  collections,
  usage,
  auth,
  applications,
};
