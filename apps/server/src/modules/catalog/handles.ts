import { AppError, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '../../platform/errors.js';

/** Turns the unique-handle violation of an explicit handle into 409 CONFLICT. */
export async function withHandleConflict<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      pgErrorCode(error) === PG_UNIQUE_VIOLATION &&
      pgConstraint(error)?.endsWith('_handle_key')
    ) {
      throw new AppError('CONFLICT', `Another ${what} already uses this handle`, {
        field: 'body.handle',
      });
    }
    throw error;
  }
}
