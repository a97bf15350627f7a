import { z } from 'zod';

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
