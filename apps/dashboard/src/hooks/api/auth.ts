/**
 * Merchant credentials: sign in, set a password from an emailed one-time link (welcome or
 * reset), and ask for such a link.
 * Both are unauthenticated calls; a successful sign-in stores the session.
 */
import { useMutation } from '@tanstack/react-query';
import { queryKeys } from '@orbit360/ui';
import { api } from '../../lib/api-client.js';
import type { MerchantLoginResponse, PasswordResetRequestResponse } from '@orbit360/contracts';
import { signIn } from '../../lib/session-store.js';

export interface MerchantLoginInput {
  email: string;
  password: string;
}

export function useMerchantLogin() {
  return useMutation({
    mutationKey: queryKeys.auth.login(),
    mutationFn: (input: MerchantLoginInput) =>
      api.post<MerchantLoginResponse>('/api/auth/merchant/login', input),
    onSuccess: (response, input) => {
      signIn({ token: response.token, merchant: response.merchant, email: input.email });
    },
  });
}

export interface SetPasswordInput {
  token: string;
  password: string;
}

/** Setting the password consumes the one-time token and signs the merchant in. */
export function useSetPassword() {
  return useMutation({
    mutationKey: queryKeys.auth.setPassword(),
    mutationFn: (input: SetPasswordInput) =>
      api.post<MerchantLoginResponse>('/api/auth/merchant/set-password', input),
    onSuccess: (response) => {
      signIn({ token: response.token, merchant: response.merchant, email: null });
    },
  });
}

/** Asks for a link to choose a new password; the answer never says whether the account exists. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationKey: queryKeys.auth.passwordReset(),
    mutationFn: (email: string) =>
      api.post<PasswordResetRequestResponse>('/api/auth/merchant/password-reset', { email }),
  });
}
