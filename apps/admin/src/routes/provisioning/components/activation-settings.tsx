import { currencyOptions, localeOptions, timezoneOptions, type Theme } from '@orbit360/contracts';
import { Field, Input, Select, Switch } from '@orbit360/ui';
import { CheckCircle2, Loader2, XCircle } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useRuntimeConfig } from '../../../lib/runtime.js';
import { useSlugAvailability } from '../../../hooks/api/provisioning.js';

export interface SettingsValues {
  storeName: string;
  slug: string;
  currency: string;
  timezone: string;
  locale: string;
  features: Record<string, boolean>;
}

export type SettingsErrors = Partial<Record<keyof SettingsValues, string>>;

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The theme's boolean feature toggles (the activation API accepts booleans only). */
export function featureToggles(theme: Theme | undefined) {
  if (!theme) return [];
  return Object.entries(theme.configSchema.features).flatMap(([key, field]) =>
    field.type === 'boolean' ? [{ key, label: field.label, default: field.default }] : [],
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function SlugStatus({ slug, enabled }: { slug: string; enabled: boolean }) {
  const debounced = useDebounced(slug, 350);
  const check = useSlugAvailability(debounced, enabled);
  if (!enabled || !slug || check.isError) return null;
  if (check.isFetching || debounced !== slug)
    return (
      <span className="flex items-center gap-1 text-xs text-fg-subtle">
        <Loader2 className="size-3 animate-spin" aria-hidden /> Checking…
      </span>
    );
  if (!check.data) return null;
  return check.data.isAvailable && check.data.isValid ? (
    <span
      className="flex items-center gap-1 text-xs font-medium text-emerald-700"
      data-testid="slug-available"
    >
      <CheckCircle2 className="size-3.5" aria-hidden /> Available
    </span>
  ) : (
    <span
      className="flex items-center gap-1 text-xs font-medium text-red-600"
      data-testid="slug-taken"
    >
      <XCircle className="size-3.5" aria-hidden />
      {check.data.isValid ? 'Taken' : 'Invalid'}
      {check.data.suggestion ? ` — try ${check.data.suggestion}` : ''}
    </span>
  );
}

export function ActivationSettings({
  values,
  errors,
  theme,
  onChange,
  onSlugEdited,
}: {
  values: SettingsValues;
  errors: SettingsErrors;
  theme: Theme | undefined;
  onChange(patch: Partial<SettingsValues>): void;
  onSlugEdited(): void;
}) {
  const { platformDomain } = useRuntimeConfig();
  const toggles = featureToggles(theme);
  const zones = useMemo(() => timezoneOptions(values.timezone), [values.timezone]);
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Store name" error={errors.storeName} required>
          <Input
            name="storeName"
            value={values.storeName}
            maxLength={120}
            onChange={(e) => onChange({ storeName: e.target.value })}
          />
        </Field>
        <Field
          label="Store address"
          error={errors.slug}
          required
          hint={
            <>
              The website will be at{' '}
              <span className="font-medium text-fg-muted">
                {values.slug || 'your-store'}.{platformDomain}
              </span>
            </>
          }
          aside={<SlugStatus slug={values.slug} enabled={!errors.slug} />}
        >
          <Input
            name="slug"
            value={values.slug}
            maxLength={40}
            spellCheck={false}
            autoCapitalize="none"
            onChange={(e) => {
              onSlugEdited();
              onChange({ slug: e.target.value.toLowerCase() });
            }}
          />
        </Field>
        <Field label="Currency" error={errors.currency}>
          <Select
            name="currency"
            value={values.currency}
            onChange={(e) => onChange({ currency: e.target.value })}
            options={currencyOptions(values.currency)}
          />
        </Field>
        <Field label="Time zone" error={errors.timezone}>
          <Select
            name="timezone"
            value={values.timezone}
            onChange={(e) => onChange({ timezone: e.target.value })}
            options={zones}
          />
        </Field>
        <Field label="Language and region" error={errors.locale} className="sm:col-span-2">
          <Select
            name="locale"
            value={values.locale}
            onChange={(e) => onChange({ locale: e.target.value })}
            options={localeOptions(values.locale)}
          />
        </Field>
      </div>
      {toggles.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium text-fg">Storefront features</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {toggles.map((toggle) => (
              <label
                key={toggle.key}
                className="flex cursor-pointer items-center justify-between gap-3 rounded-lg border border-border px-3 py-2.5 hover:bg-gray-50"
              >
                <span className="text-sm text-fg">{toggle.label}</span>
                <Switch
                  checked={values.features[toggle.key] ?? toggle.default}
                  onCheckedChange={(checked) =>
                    onChange({ features: { ...values.features, [toggle.key]: checked } })
                  }
                  aria-label={toggle.label}
                />
              </label>
            ))}
          </div>
          {errors.features && <p className="text-xs font-medium text-red-600">{errors.features}</p>}
        </fieldset>
      )}
    </div>
  );
}
