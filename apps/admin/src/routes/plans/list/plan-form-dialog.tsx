import type { CreatePlanBody, Plan } from '@orbit360/contracts';
import { Alert, Field, Input, Select, Switch, Textarea, isApiError, useToast } from '@orbit360/ui';
import { useState, type FormEvent } from 'react';
import { CatalogFormContent, CatalogFormDialog } from '../../catalog/catalog-form-dialog.js';
import { slugify } from '../../../lib/format.js';
import { useCreatePlan, useUpdatePlan } from '../../../hooks/api/plans.js';

export interface PlanFormDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  plan?: Plan;
}

export function PlanFormDialog(props: PlanFormDialogProps) {
  return (
    <CatalogFormDialog open={props.open} onOpenChange={props.onOpenChange}>
      <PlanForm {...props} />
    </CatalogFormDialog>
  );
}

type Errors = Partial<Record<string, string>>;

const limitText = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : String(n);

/** '' → null (unlimited); otherwise a non-negative integer, or NaN when invalid. */
function parseLimit(text: string): number | null {
  if (!text.trim()) return null;
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

function PlanForm({ onOpenChange, plan }: PlanFormDialogProps) {
  const editing = !!plan;
  const toast = useToast();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const mutation = editing ? update : create;
  const [form, setForm] = useState({
    name: plan?.name ?? '',
    key: plan?.key ?? '',
    description: plan?.description ?? '',
    price: plan ? (plan.priceCents / 100).toFixed(2) : '',
    currency: plan?.currency ?? 'USD',
    interval: plan?.interval ?? 'month',
    products: limitText(plan?.limits.products),
    staffAccounts: limitText(plan?.limits.staffAccounts),
    storageMb: limitText(plan?.limits.storageMb),
    customDomain: plan?.limits.customDomain ?? false,
    features: plan?.features.join('\n') ?? '',
    isPopular: plan?.isPopular ?? false,
    sortOrder: String(plan?.sortOrder ?? 100),
  });
  const [keyEdited, setKeyEdited] = useState(editing);
  const [errors, setErrors] = useState<Errors>({});

  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((f) => ({
      ...f,
      [key]: value,
      ...(key === 'name' && !keyEdited ? { key: slugify(String(value)) } : {}),
    }));
    setErrors((e) => ({ ...e, [key]: undefined, form: undefined }));
  };

  const build = (): { body: CreatePlanBody; errors: Errors } => {
    const found: Errors = {};
    const price = Number(form.price);
    if (!form.name.trim()) found.name = 'Enter a name.';
    if (!editing && !/^[a-z][a-z0-9-]{1,39}$/.test(form.key))
      found.key = 'Use 2–40 lowercase letters, digits and dashes, starting with a letter.';
    if (!/^\d+(\.\d{1,2})?$/.test(form.price.trim()) || !Number.isFinite(price))
      found.price = 'Enter a price such as 29.99.';
    if (!/^[A-Z]{3}$/.test(form.currency)) found.currency = 'Use a 3-letter code such as USD.';
    const limits = {
      products: parseLimit(form.products),
      staffAccounts: parseLimit(form.staffAccounts),
      storageMb: parseLimit(form.storageMb),
      customDomain: form.customDomain,
    };
    for (const k of ['products', 'staffAccounts', 'storageMb'] as const)
      if (Number.isNaN(limits[k])) found[k] = 'A whole number, or empty for unlimited.';
    const sortOrder = Number(form.sortOrder);
    if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 1000)
      found.sortOrder = 'A number from 0 to 1000.';
    const features = form.features
      .split('\n')
      .map((f) => f.trim())
      .filter(Boolean);
    return {
      errors: found,
      body: {
        key: form.key,
        name: form.name.trim(),
        description: form.description.trim(),
        priceCents: Math.round(price * 100),
        currency: form.currency,
        interval: form.interval,
        limits,
        features,
        isPopular: form.isPopular,
        sortOrder,
      },
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { body, errors: found } = build();
    setErrors(found);
    if (Object.keys(found).length) return;
    const onError = (error: unknown) => {
      if (!isApiError(error)) return setErrors({ form: 'Something went wrong.' });
      const fields: Errors = {};
      for (const [path, message] of Object.entries(error.fieldErrors)) {
        const key = path === 'priceCents' ? 'price' : (path.split('.').pop() ?? path);
        fields[key] = message;
      }
      if (error.status === 409 && !editing) fields.key = error.message;
      setErrors(Object.keys(fields).length ? fields : { form: error.message });
    };
    const onSuccess = () => {
      toast({
        tone: 'success',
        title: editing ? 'Plan saved' : 'Plan created',
        description: body.name,
      });
      onOpenChange(false);
    };
    if (plan) {
      const { key: _key, ...rest } = body;
      update.mutate({ id: plan.id, body: rest }, { onSuccess, onError });
    } else {
      create.mutate(body, { onSuccess, onError });
    }
  };

  return (
    <CatalogFormContent
      formId="plan-form"
      title={editing ? `Edit ${plan.name}` : 'New plan'}
      description="Limits are enforced for every store on this plan. Leave a limit empty for unlimited."
      pending={mutation.isPending}
      submitLabel={editing ? 'Save changes' : 'Create plan'}
    >
      <form id="plan-form" onSubmit={submit} noValidate className="space-y-5">
        {errors.form && <Alert tone="danger">{errors.form}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" error={errors.name} required>
            <Input value={form.name} maxLength={80} onChange={(e) => set('name', e.target.value)} />
          </Field>
          {editing ? (
            <Field label="Key" hint="The key cannot change.">
              <Input value={form.key} disabled />
            </Field>
          ) : (
            <Field label="Key" error={errors.key} required>
              <Input
                value={form.key}
                spellCheck={false}
                onChange={(e) => {
                  setKeyEdited(true);
                  set('key', e.target.value.toLowerCase());
                }}
              />
            </Field>
          )}
        </div>
        <Field label="Description" error={errors.description}>
          <Textarea
            rows={2}
            maxLength={500}
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Price" error={errors.price} required>
            <Input
              inputMode="decimal"
              value={form.price}
              placeholder="29.99"
              onChange={(e) => set('price', e.target.value)}
            />
          </Field>
          <Field label="Currency" error={errors.currency}>
            <Input
              value={form.currency}
              maxLength={3}
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
            />
          </Field>
          <Field label="Billing" error={errors.interval}>
            <Select
              value={form.interval}
              onChange={(e) => set('interval', e.target.value as 'month' | 'year')}
              options={[
                { value: 'month', label: 'Monthly' },
                { value: 'year', label: 'Yearly' },
              ]}
            />
          </Field>
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-fg">Limits</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Products" error={errors.products}>
              <Input
                inputMode="numeric"
                placeholder="Unlimited"
                value={form.products}
                onChange={(e) => set('products', e.target.value)}
              />
            </Field>
            <Field label="Staff accounts" error={errors.staffAccounts}>
              <Input
                inputMode="numeric"
                placeholder="Unlimited"
                value={form.staffAccounts}
                onChange={(e) => set('staffAccounts', e.target.value)}
              />
            </Field>
            <Field label="Storage (MB)" error={errors.storageMb}>
              <Input
                inputMode="numeric"
                placeholder="Unlimited"
                value={form.storageMb}
                onChange={(e) => set('storageMb', e.target.value)}
              />
            </Field>
          </div>
        </fieldset>
        <Field label="Features" error={errors.features} hint="One per line; shown on plan cards.">
          <Textarea
            rows={4}
            value={form.features}
            onChange={(e) => set('features', e.target.value)}
          />
        </Field>
        <div className="grid items-end gap-4 sm:grid-cols-3">
          <label className="flex h-9 items-center justify-between gap-3 rounded-lg border border-border px-3">
            <span className="text-sm text-fg">Custom domain</span>
            <Switch
              checked={form.customDomain}
              onCheckedChange={(v) => set('customDomain', v)}
              aria-label="Custom domain"
            />
          </label>
          <label className="flex h-9 items-center justify-between gap-3 rounded-lg border border-border px-3">
            <span className="text-sm text-fg">Mark as popular</span>
            <Switch
              checked={form.isPopular}
              onCheckedChange={(v) => set('isPopular', v)}
              aria-label="Mark as popular"
            />
          </label>
          <Field label="Sort order" error={errors.sortOrder}>
            <Input
              inputMode="numeric"
              value={form.sortOrder}
              onChange={(e) => set('sortOrder', e.target.value)}
            />
          </Field>
        </div>
      </form>
    </CatalogFormContent>
  );
}
