/** The collections a product belongs to, as a checkbox list of the store's collections. */
import { Checkbox } from '@orbit360/ui';
import { Link } from 'react-router-dom';
import { useCollections } from '../../../../hooks/api/collections.js';

export function CollectionsPicker({
  tenantId,
  value,
  onChange,
}: {
  tenantId: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const collections = useCollections(tenantId);
  const items = collections.data?.items ?? [];
  if (collections.isPending) return <p className="text-sm text-fg-muted">Loading collections…</p>;
  if (items.length === 0) {
    return (
      <p className="text-sm text-fg-muted">
        No collections yet.{' '}
        <Link to="/collections/new" className="text-brand-700 underline">
          Create one
        </Link>{' '}
        to group products on your website.
      </p>
    );
  }
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...value, id] : value.filter((v) => v !== id));
  return (
    <ul className="space-y-2" aria-label="Collections">
      {items.map((c) => (
        <li key={c.id}>
          <label className="flex items-center gap-2 text-sm">
            <Checkbox
              checked={value.includes(c.id)}
              onCheckedChange={(checked) => toggle(c.id, checked === true)}
            />
            {c.title}
          </label>
        </li>
      ))}
    </ul>
  );
}
