/**
 * Optimistic concurrency over HTTP for documents with a `revision`: the ETag a reply carries,
 * and the revision a `PUT` names in `If-Match` (428 PRECONDITION_REQUIRED without one).
 */
import { AppError } from '../errors.js';

export const revisionEtag = (document: { revision: number }) => `"${document.revision}"`;

/** The revision `If-Match` names (a bare number or an ETag); `what` names the document. */
export function requiredRevision(ifMatch: string | undefined, what: string): number {
  if (ifMatch === undefined) {
    throw new AppError(
      'PRECONDITION_REQUIRED',
      `Send If-Match with the revision of the ${what} you edited`,
    );
  }
  return Number(ifMatch.replace(/\D/g, ''));
}
