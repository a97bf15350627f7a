/**
 * Test client for the merchant catalog API: requests as a store's owner through the real app.
 */
import type { TestApp } from '../helpers.js';
import { bearer, merchantToken } from '../helpers.js';
import type { TestStore } from './create-test-store.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function catalogApi(t: TestApp) {
  const tokens = new Map<string, string>();
  const tokenOf = async (store: TestStore) => {
    let token = tokens.get(store.tenantId);
    if (!token) {
      token = await merchantToken(t.ctx, {
        merchantId: store.merchantId,
        tenantId: store.tenantId,
        ...(store.ownerId && { id: store.ownerId }),
      });
      tokens.set(store.tenantId, token);
    }
    return token;
  };
  return async (
    store: TestStore,
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(await tokenOf(store)), ...headers },
      ...(payload !== undefined && { payload: payload as object }),
    });
}
