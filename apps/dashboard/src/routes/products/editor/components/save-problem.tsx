/**
 * Why the last save failed, in plain words: a stale revision (someone saved in between), the
 * plan's product limit, field errors (listed here too, in case a field is off screen), or
 * anything else the server said.
 */
import { Alert, Button, errorMessage } from '@orbit360/ui';
import { isApiError } from '../../../../lib/api-client.js';
import { planLimitMessage } from '../../shared/plan-limit.js';
import type { FormErrors } from '../product-form.js';

export const STALE_MESSAGE =
  'This product was changed elsewhere — reload to see the latest; your edits are kept until you reload.';

/** A 409 for a stale `If-Match` (a handle clash is a 409 too, but names its field). */
export const isStaleRevision = (error: unknown) =>
  isApiError(error) &&
  error.status === 409 &&
  typeof (error.details as { currentRevision?: unknown } | undefined)?.currentRevision === 'number';

/** The server's field errors by API path, including a clash on the handle. */
export function serverFieldErrors(error: unknown): FormErrors {
  if (!isApiError(error)) return {};
  const field = (error.details as { field?: unknown } | undefined)?.field;
  if (typeof field === 'string') return { [field.replace(/^body\./, '')]: error.message };
  return { ...error.fieldErrors };
}

const WORDS: Record<string, string> = {
  priceCents: 'price',
  compareAtPriceCents: 'compare-at price',
  inventoryQuantity: 'inventory',
  optionValues: 'option values',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  collectionIds: 'collections',
  sku: 'SKU',
};

/** `variants.0.priceCents` → "Variant 1 price". */
export function describePath(path: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      words.push(`${part.replace(/s$/, '')} ${Number(next) + 1}`);
      i += 1;
    } else if (!/^\d+$/.test(part)) {
      words.push(WORDS[part] ?? part);
    }
  }
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function SaveProblem({
  error,
  localErrors,
  onReload,
  isReloading,
}: {
  error: unknown;
  localErrors: FormErrors;
  onReload: () => void;
  isReloading: boolean;
}) {
  if (isStaleRevision(error)) {
    return (
      <Alert
        tone="warning"
        title="Not saved"
        data-testid="stale-revision"
        action={
          <Button variant="outline" size="sm" loading={isReloading} onClick={onReload}>
            Reload
          </Button>
        }
      >
        {STALE_MESSAGE}
      </Alert>
    );
  }
  const limit = planLimitMessage(error);
  if (limit) {
    return (
      <Alert tone="danger" title="Your plan's product limit is reached" data-testid="plan-limit">
        {limit}
      </Alert>
    );
  }
  const fields = { ...serverFieldErrors(error), ...localErrors };
  const entries = Object.entries(fields);
  if (entries.length > 0) {
    return (
      <Alert tone="danger" title="Some fields need attention" data-testid="field-problems">
        <ul className="list-disc pl-4">
          {entries.map(([path, message]) => (
            <li key={path}>
              {describePath(path)}: {message}
            </li>
          ))}
        </ul>
      </Alert>
    );
  }
  if (!error) return null;
  return (
    <Alert tone="danger" title="Not saved">
      {errorMessage(error)}
    </Alert>
  );
}
