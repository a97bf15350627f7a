import { APPLICATION_DESCRIPTION_MAX } from '@orbit360/contracts';
import { Alert, Button, Field, Input, Select, Textarea } from '@orbit360/ui';
import { useMemo, useState, type FormEvent } from 'react';
import { useSubmitApplication } from '../../hooks/api/applications.js';
import { isApiError } from '../../lib/api-client.js';
import {
  BUSINESS_TYPE_OPTIONS,
  FIELDS,
  countryOptions,
  initialValues,
  toRequest,
  validateApplication,
  type ApplicationValues,
  type FieldName,
} from './application-fields.js';

function describeFailure(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  if (error.status === 429) {
    const wait = (error.details as { retryAfter?: unknown } | undefined)?.retryAfter;
    const minutes = typeof wait === 'number' ? Math.max(1, Math.ceil(wait / 60)) : undefined;
    return `Too many applications came from your connection just now. Please try again${
      minutes ? ` in ${minutes} minute${minutes === 1 ? '' : 's'}` : ' later'
    }.`;
  }
  if (error.status === 0) return error.message;
  return 'We could not send your application just now. Please try again in a moment.';
}

export interface ApplicationFormProps {
  onSubmitted(application: { ownerName: string; email: string; storeName: string }): void;
}

/**
 * Store name, owner, email, business type, country and a short description, checked as the
 * applicant types (a field shows its problem once it was left or the form was submitted).
 */
export function ApplicationForm({ onSubmitted }: ApplicationFormProps) {
  const [values, setValues] = useState<ApplicationValues>(initialValues);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const countries = useMemo(() => countryOptions(), []);
  const submit = useSubmitApplication();
  const errors = validateApplication(values);
  const serverFields = isApiError(submit.error) ? submit.error.fieldErrors : {};
  const failure =
    submit.error && Object.keys(serverFields).length === 0 ? describeFailure(submit.error) : null;

  const errorOf = (field: FieldName) =>
    touched[field] || submitted ? (errors[field] ?? serverFields[field]) : undefined;
  const bind = (field: FieldName) => ({
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [field]: event.target.value })),
    onBlur: () => setTouched((current) => ({ ...current, [field]: true })),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (FIELDS.some((field) => errors[field])) return;
    const input = toRequest(values);
    submit.mutate(input, { onSuccess: () => onSubmitted(input) });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Open your store">
      {failure && (
        <Alert tone="danger" title="Your application was not sent" data-testid="apply-error">
          {failure}
        </Alert>
      )}
      <Field label="Store name" error={errorOf('storeName')} required>
        <Input autoComplete="organization" placeholder="Juniper & Sage" {...bind('storeName')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Your name" error={errorOf('ownerName')} required>
          <Input autoComplete="name" placeholder="June Park" {...bind('ownerName')} />
        </Field>
        <Field
          label="Email"
          error={errorOf('email')}
          hint="We write to you here when your store is ready."
          required
        >
          <Input type="email" autoComplete="email" placeholder="you@store.com" {...bind('email')} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="What you sell" error={errorOf('businessType')} required>
          <Select
            placeholder="Choose one"
            options={BUSINESS_TYPE_OPTIONS}
            {...bind('businessType')}
          />
        </Field>
        <Field label="Country" error={errorOf('country')} required>
          <Select
            placeholder="Choose your country"
            options={countries}
            autoComplete="country"
            {...bind('country')}
          />
        </Field>
      </div>
      <Field
        label="About your store"
        error={errorOf('description')}
        hint={`Optional: a sentence or two for our team · ${values.description.trim().length}/${APPLICATION_DESCRIPTION_MAX}`}
      >
        <Textarea
          rows={3}
          placeholder="Hand-thrown ceramics and dried flowers from Wellington."
          {...bind('description')}
        />
      </Field>
      {/* Spam trap: hidden from people (and assistive tech); bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          Website
          <input
            type="text"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={(event) =>
              setValues((current) => ({ ...current, website: event.target.value }))
            }
          />
        </label>
      </div>
      <Button type="submit" size="lg" className="w-full" loading={submit.isPending}>
        Send my application
      </Button>
      <p className="text-center text-xs text-fg-subtle">
        Free to apply. We only use your details to review your application and set up your store.
      </p>
    </form>
  );
}
