/**
 * The settings form. It keeps only the merchant's edits; every other field shows the latest
 * server value, so a change saved in another tab appears by itself. When the merchant has
 * unsaved edits and the store changes elsewhere, their edits stay and a notice offers to load
 * the latest values instead. Only changed fields are sent, so a currency or locale the store
 * holds from before the supported lists is shown (first in its list) and kept unless changed.
 */
import {
  currencyOptions,
  localeOptions,
  timezoneOptions,
  type RegionalOption,
  type StoreSettings,
  type UpdateStoreSettingsBody,
} from '@orbit360/contracts';
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardFooter,
  CardHeader,
  Field,
  Input,
  Select,
  useToast,
} from '@orbit360/ui';
import { useState, type FormEvent } from 'react';
import { useUpdateStoreSettings } from '../../../../hooks/api/store-settings.js';
import { isApiError } from '../../../../lib/api-client.js';

const FIELDS = [
  'name',
  'tagline',
  'logoText',
  'contactEmail',
  'currency',
  'timezone',
  'locale',
] as const;
type FieldName = (typeof FIELDS)[number];
type Edits = Partial<Record<FieldName, string>>;

const LABELS: Record<FieldName, string> = {
  name: 'Store name',
  tagline: 'Tagline',
  logoText: 'Logo text',
  contactEmail: 'Contact email',
  currency: 'Currency',
  timezone: 'Timezone',
  locale: 'Locale',
};

/** Server messages such as "is not a known time zone" read as a sentence after the label. */
const withLabel = (field: FieldName, message: string) =>
  /^[a-z]/.test(message) ? `${LABELS[field]} ${message}` : message;

export function StoreSettingsForm({
  settings,
  tenantId,
}: {
  settings: StoreSettings;
  tenantId: string;
}) {
  const toast = useToast();
  const mutation = useUpdateStoreSettings(tenantId);
  const [edits, setEdits] = useState<Edits>({});
  // The server version the edits started from; a newer one means someone else saved.
  const [editBase, setEditBase] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<Edits>({});
  const [fixed, setFixed] = useState<ReadonlySet<FieldName>>(new Set());

  const value = (field: FieldName) => edits[field] ?? settings[field];
  const changed = FIELDS.filter((f) => edits[f] !== undefined && edits[f] !== settings[f]);
  const isDirty = changed.length > 0;
  const changedElsewhere = isDirty && editBase !== null && editBase !== settings.updatedAt;

  const apiError = isApiError(mutation.error) ? mutation.error : null;
  const errorOf = (field: FieldName) => {
    if (localErrors[field]) return localErrors[field];
    const message = fixed.has(field) ? undefined : apiError?.field(field);
    return message ? withLabel(field, message) : undefined;
  };
  const hasFieldError = FIELDS.some((f) => apiError?.field(f));
  const failure = mutation.error && !hasFieldError ? mutation.error : null;

  const edit = (field: FieldName, next: string) => {
    if (editBase === null || !isDirty) setEditBase(settings.updatedAt);
    setEdits((all) => ({ ...all, [field]: next }));
    setFixed((all) => new Set(all).add(field));
    if (localErrors[field]) setLocalErrors((all) => ({ ...all, [field]: undefined }));
  };

  const discard = () => {
    setEdits({});
    setEditBase(null);
    setLocalErrors({});
    mutation.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isDirty) return;
    if (!value('name').trim()) {
      setLocalErrors({ name: 'Store name is required' });
      return;
    }
    const body: UpdateStoreSettingsBody = Object.fromEntries(changed.map((f) => [f, value(f)]));
    setFixed(new Set());
    mutation.mutate(body, {
      onSuccess: () => {
        setEdits({});
        setEditBase(null);
        toast({
          title: 'Settings saved',
          description: 'Your store is up to date.',
          tone: 'success',
        });
      },
    });
  };

  const text = (field: FieldName, props: { type?: string; hint?: string; required?: boolean }) => (
    <Field label={LABELS[field]} error={errorOf(field)} hint={props.hint} required={props.required}>
      <Input
        name={field}
        type={props.type ?? 'text'}
        value={value(field)}
        onChange={(e) => edit(field, e.target.value)}
      />
    </Field>
  );
  const select = (field: FieldName, options: RegionalOption[]) => (
    <Field label={LABELS[field]} error={errorOf(field)}>
      <Select
        name={field}
        value={value(field)}
        options={options}
        onChange={(e) => edit(field, e.target.value)}
      />
    </Field>
  );

  return (
    <form noValidate onSubmit={submit} aria-label="Store settings" className="space-y-6">
      {changedElsewhere && (
        <Alert
          tone="warning"
          title="Updated in another session"
          data-testid="remote-change-notice"
          action={
            <Button type="button" variant="outline" size="sm" onClick={discard}>
              Load latest
            </Button>
          }
        >
          These settings were saved somewhere else while you were editing. Your unsaved changes are
          kept; load the latest to discard them.
        </Alert>
      )}
      {failure && (
        <Alert tone="danger" title="Your settings were not saved">
          {isApiError(failure) ? failure.message : 'Something went wrong. Please try again.'}
        </Alert>
      )}
      <Card>
        <CardHeader title="Store identity" description="How your store presents itself." />
        <CardContent className="grid gap-4 sm:grid-cols-2">
          {text('name', { required: true })}
          {text('tagline', { hint: 'A short line shown under your store name.' })}
          {text('logoText', { hint: 'Shown in place of a logo image.' })}
          {text('contactEmail', { type: 'email', hint: 'Where customers can reach you.' })}
        </CardContent>
      </Card>
      <Card>
        <CardHeader title="Regional" description="Prices, dates and language on your website." />
        <CardContent className="grid gap-4 sm:grid-cols-3">
          {select('currency', currencyOptions(value('currency'), settings.currency))}
          {select('timezone', timezoneOptions(value('timezone'), settings.timezone))}
          {select('locale', localeOptions(value('locale'), settings.locale))}
        </CardContent>
        <CardFooter className="justify-between gap-4">
          <p className="text-sm text-fg-muted" data-testid="save-status" aria-live="polite">
            {isDirty
              ? 'You have unsaved changes.'
              : mutation.isSuccess
                ? 'All changes saved.'
                : `Last saved ${new Date(settings.updatedAt).toLocaleString()}.`}
          </p>
          <div className="flex gap-2">
            {isDirty && (
              <Button type="button" variant="ghost" onClick={discard} disabled={mutation.isPending}>
                Discard
              </Button>
            )}
            <Button type="submit" disabled={!isDirty} loading={mutation.isPending}>
              Save changes
            </Button>
          </div>
        </CardFooter>
      </Card>
    </form>
  );
}
