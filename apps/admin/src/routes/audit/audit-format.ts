import type { AuditEntry } from '@orbit360/contracts';
import type { BadgeTone } from '@orbit360/ui';

/** "merchant.provisioning_failed" → "Merchant provisioning failed" */
export function describeAction(action: string): string {
  const text = action.replace(/[._]/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function actionTone(action: string): BadgeTone {
  if (/fail|suspend|delete|archiv/.test(action)) return 'red';
  if (/complet|activat|live|reactivat|creat|sign/.test(action)) return 'green';
  if (/retr|updat|chang/.test(action)) return 'blue';
  return 'gray';
}

export function describeActor(entry: AuditEntry, adminNames?: Map<string, string>): string {
  const { type, id } = entry.actor;
  if (type === 'admin') return (id && adminNames?.get(id)) || 'Admin';
  if (type === 'merchant') return 'Merchant';
  if (type === 'system') return 'System';
  return 'Public';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The entry's data as short "key: value" facts (ids and small values only). */
export function dataFacts(data: Record<string, unknown>): string[] {
  return (
    Object.entries(data)
      .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
      // Raw ids say little to a reader; the resource column links to the target.
      .filter(([, v]) => !UUID.test(String(v)))
      .slice(0, 4)
      .map(([k, v]) => `${k}: ${String(v)}`)
  );
}
