import { z } from 'zod';

/** Every error response has this shape. `code` is one of the server's fixed error codes. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Pagination = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const IdParams = z.object({ id: z.string().max(64) });

export const Timestamp = z.string().describe('ISO 8601 timestamp');
