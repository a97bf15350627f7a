/**
 * The public "Open your store" application. Unauthenticated; the answer is the same for every
 * accepted application (it never says whether the address already has a store).
 */
import { useMutation } from '@tanstack/react-query';
import type { MerchantSignupInput, MerchantSignupResponse } from '@orbit360/contracts';
import { queryKeys } from '@orbit360/ui';
import { api } from '../../lib/api-client.js';

export function useSubmitApplication() {
  return useMutation({
    mutationKey: queryKeys.applications.submit(),
    mutationFn: (input: MerchantSignupInput) =>
      api.post<MerchantSignupResponse>('/api/merchants/signup', input),
  });
}
