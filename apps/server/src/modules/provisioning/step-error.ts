import type { ProvisioningStepKey } from '@orbit360/contracts';
import { isAppError } from '../../platform/errors.js';

const STEP_FAILURE: Record<ProvisioningStepKey, string> = {
  workspace: 'The workspace could not be created',
  dashboard: 'The dashboard could not be set up',
  website: 'The website could not be deployed',
  data: 'The store data could not be initialized',
  credentials: 'The welcome email could not be prepared',
  golive: 'The store could not be put live',
};

/** A failure whose message was written for people: it reaches the API as is. */
export class StepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepError';
  }
}

/**
 * The message shown to admins (API, realtime, UI) for a failed attempt. Only messages written
 * for people pass through (StepError, 4xx AppErrors); anything else — driver errors, stack
 * traces, SQL, host names, secrets — becomes the step's generic message. Details stay in the
 * server log.
 */
export function sanitizeStepError(step: ProvisioningStepKey, error: unknown): string {
  if (error instanceof StepError) return error.message.slice(0, 300);
  if (isAppError(error) && error.status < 500) {
    return `${STEP_FAILURE[step]}: ${error.message}`.slice(0, 300);
  }
  return `${STEP_FAILURE[step]} because of an internal error; it can be retried`;
}
