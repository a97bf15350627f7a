import { formatPrice, type Plan } from '@orbit360/contracts';
import { Badge, Button, Card, PageHeader } from '@orbit360/ui';
import { Check, Plus, Sparkles, Tags } from 'lucide-react';
import { useState } from 'react';
import { useCanWrite } from '../../../lib/session.js';
import {
  CatalogGrid,
  CatalogItemActions,
  ShowArchivedToggle,
  useSetArchived,
} from '../../catalog/catalog-list.js';
import { DeleteCatalogItemDialog } from '../../catalog/delete-catalog-item-dialog.js';
import { useDeletePlan, usePlans, useUpdatePlan } from '../../../hooks/api/plans.js';
import { PlanFormDialog } from './plan-form-dialog.js';
import { useDocumentTitle } from '../../../lib/document-title.js';

const limit = (n: number | null, unit = '') =>
  n === null ? 'Unlimited' : `${n.toLocaleString('en-US')}${unit}`;
const storage = (mb: number | null) =>
  mb === null ? 'Unlimited' : mb >= 1024 ? `${Math.round(mb / 1024)} GB` : `${mb} MB`;

export function PlansPage() {
  useDocumentTitle('Plans');
  const [showArchived, setShowArchived] = useState(false);
  const plans = usePlans(true);
  const canWrite = useCanWrite();
  const update = useUpdatePlan();
  const remove = useDeletePlan();
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Plan | null>(null);
  const visible = (plans.data ?? []).filter((p) => showArchived || !p.isArchived);
  const archivedCount = (plans.data ?? []).filter((p) => p.isArchived).length;

  const setArchived = useSetArchived<Plan>({
    update,
    kind: 'plan',
    describe: (plan) => plan.name,
  });

  return (
    <>
      <PageHeader
        title="Plans"
        description="Pricing and limits offered at activation. Archived plans stay on the stores using them."
        actions={
          <>
            <ShowArchivedToggle
              id="show-archived-plans"
              checked={showArchived}
              onCheckedChange={setShowArchived}
              archivedCount={archivedCount}
            />
            {canWrite && (
              <Button onClick={() => setEditing('new')} data-testid="new-plan">
                <Plus /> New plan
              </Button>
            )}
          </>
        }
      />
      <CatalogGrid
        query={plans}
        isEmpty={visible.length === 0}
        gridClassName="grid gap-5 md:grid-cols-2 xl:grid-cols-3"
        skeletonClassName="h-96 rounded-card"
        errorTitle="Could not load plans"
        empty={{
          icon: <Tags />,
          title: 'No plans',
          description: 'Create a plan to offer it at activation.',
        }}
        label="Plans"
      >
        {visible.map((plan) => (
          <li key={plan.id} data-testid="plan-item" data-plan-key={plan.key}>
            <Card
              className={`relative flex h-full flex-col p-5 ${plan.isPopular && !plan.isArchived ? 'ring-2 ring-brand-500' : ''} ${plan.isArchived ? 'opacity-70' : ''}`}
            >
              <div className="flex items-start justify-between gap-2">
                <div>
                  <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold text-fg">
                    {plan.name}
                    {plan.isPopular && (
                      <Badge tone="brand">
                        <Sparkles className="size-3" aria-hidden /> Popular
                      </Badge>
                    )}
                    {plan.isArchived && <Badge>Archived</Badge>}
                  </h2>
                  <p className="font-mono text-xs text-fg-subtle">{plan.key}</p>
                </div>
                {canWrite && (
                  <CatalogItemActions
                    item={plan}
                    onEdit={() => setEditing(plan)}
                    onSetArchived={(isArchived) => setArchived(plan, isArchived)}
                    onDelete={() => setDeleting(plan)}
                  />
                )}
              </div>
              <p className="mt-4 flex items-baseline gap-1">
                <span className="text-3xl font-semibold tracking-tight text-fg">
                  {formatPrice(plan.priceCents, plan.currency)}
                </span>
                <span className="text-sm text-fg-subtle">
                  /{plan.interval === 'year' ? 'year' : 'month'}
                </span>
              </p>
              <p className="mt-2 min-h-10 text-sm text-fg-muted">{plan.description}</p>
              <dl className="mt-4 grid grid-cols-2 gap-3 rounded-lg bg-gray-50 p-3 text-xs">
                <div>
                  <dt className="text-fg-subtle">Products</dt>
                  <dd className="font-medium text-fg">{limit(plan.limits.products)}</dd>
                </div>
                <div>
                  <dt className="text-fg-subtle">Staff accounts</dt>
                  <dd className="font-medium text-fg">{limit(plan.limits.staffAccounts)}</dd>
                </div>
                <div>
                  <dt className="text-fg-subtle">Storage</dt>
                  <dd className="font-medium text-fg">{storage(plan.limits.storageMb)}</dd>
                </div>
                <div>
                  <dt className="text-fg-subtle">Custom domain</dt>
                  <dd className="font-medium text-fg">
                    {plan.limits.customDomain ? 'Included' : '—'}
                  </dd>
                </div>
              </dl>
              <ul className="mt-4 space-y-2">
                {plan.features.map((feature) => (
                  <li key={feature} className="flex items-start gap-2 text-sm text-fg-muted">
                    <Check className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />{' '}
                    {feature}
                  </li>
                ))}
              </ul>
            </Card>
          </li>
        ))}
      </CatalogGrid>

      <PlanFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        plan={editing && editing !== 'new' ? editing : undefined}
      />
      <DeleteCatalogItemDialog
        kind="plan"
        item={deleting}
        onClose={() => setDeleting(null)}
        remove={remove}
      />
    </>
  );
}
