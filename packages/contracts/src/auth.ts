import { z } from 'zod';
import { Timestamp } from './common.js';

export const ADMIN_ROLES = ['super_admin', 'admin', 'viewer'] as const;
export const AdminRole = z.enum(ADMIN_ROLES);
export type AdminRole = z.infer<typeof AdminRole>;

export const LoginBody = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Admin = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: AdminRole,
});
export type Admin = z.infer<typeof Admin>;

export const AdminLoginResponse = z.object({ token: z.string(), admin: Admin });
export type AdminLoginResponse = z.infer<typeof AdminLoginResponse>;

export const MERCHANT_ROLES = ['owner', 'staff'] as const;
export const MerchantRole = z.enum(MERCHANT_ROLES);
export type MerchantRole = z.infer<typeof MerchantRole>;

/** The merchant session's identity: its account, merchant and tenant. */
export const MerchantSession = z.object({
  id: z.uuid().describe('the merchant account id'),
  merchantId: z.uuid(),
  tenantId: z.uuid(),
  role: MerchantRole,
});
export type MerchantSession = z.infer<typeof MerchantSession>;

export const MerchantLoginResponse = z.object({ token: z.string(), merchant: MerchantSession });
export type MerchantLoginResponse = z.infer<typeof MerchantLoginResponse>;

export const SetMerchantPasswordBody = z.object({
  token: z.string().min(1).max(200).describe('the one-time token from the welcome email link'),
  password: z.string().min(1).max(256),
});
export type SetMerchantPasswordBody = z.infer<typeof SetMerchantPasswordBody>;

export const PasswordResetRequestBody = z.object({
  email: z.email().max(254),
});
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBody>;

/** The same answer whether or not an account has that address (no account discovery). */
export const PasswordResetRequestResponse = z.object({ accepted: z.literal(true) });
export type PasswordResetRequestResponse = z.infer<typeof PasswordResetRequestResponse>;

/** An admin sent a merchant owner a new set-password link (the old links stop working). */
export const PasswordLinkSentResponse = z.object({
  emailId: z.uuid().describe('the new email in the email log'),
  expiresAt: Timestamp,
});
export type PasswordLinkSentResponse = z.infer<typeof PasswordLinkSentResponse>;

export const SessionsEndedResponse = z.object({
  ended: z.number().int().min(0).describe('how many live sessions were ended'),
});
export type SessionsEndedResponse = z.infer<typeof SessionsEndedResponse>;
