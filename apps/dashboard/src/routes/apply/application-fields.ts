/**
 * The application form's values and their live validation, by the same zod schema the
 * server validates the request with (packages/contracts), so both give the same messages.
 */
import {
  BUSINESS_TYPES,
  COUNTRY_CODES,
  MerchantSignupBody,
  type MerchantSignupInput,
} from '@orbit360/contracts';

export const FIELDS = [
  'storeName',
  'ownerName',
  'email',
  'businessType',
  'country',
  'description',
] as const;
export type FieldName = (typeof FIELDS)[number];
export type ApplicationValues = Record<FieldName, string> & { website: string };
export type ApplicationErrors = Partial<Record<FieldName, string>>;

/** The region of the browser's language (en-NZ → NZ), when it is a country we know. */
function browserCountry(): string {
  const region = globalThis.navigator?.language?.split('-')[1]?.toUpperCase() ?? '';
  return COUNTRY_CODES.includes(region) ? region : '';
}

export function initialValues(): ApplicationValues {
  return {
    storeName: '',
    ownerName: '',
    email: '',
    businessType: '',
    country: browserCountry(),
    description: '',
    website: '',
  };
}

/** The request body: trimmed text, optional fields left out when empty. */
export function toRequest(values: ApplicationValues): MerchantSignupInput {
  const description = values.description.trim();
  return {
    storeName: values.storeName.trim(),
    ownerName: values.ownerName.trim(),
    email: values.email.trim(),
    businessType: values.businessType,
    country: values.country,
    ...(description && { description }),
    ...(values.website && { website: values.website }),
  };
}

export function validateApplication(values: ApplicationValues): ApplicationErrors {
  const result = MerchantSignupBody.safeParse(toRequest(values));
  const errors: ApplicationErrors = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path[0] as FieldName;
    if (FIELDS.includes(field)) errors[field] ??= issue.message;
  }
  return errors;
}

export const BUSINESS_TYPE_OPTIONS = BUSINESS_TYPES.map((value) => ({ value, label: value }));

export function countryOptions(locale = 'en') {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort(
    (a, b) => a.label.localeCompare(b.label, locale),
  );
}
