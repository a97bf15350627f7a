import {
  SLUG_PATTERN,
  type ProvisioningStatus as ProvisioningStatusData,
} from '@orbit360/contracts';
import {
  Alert,
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  ErrorState,
  Skeleton,
  isApiError,
} from '@orbit360/ui';
import { ArrowRight, Rocket } from 'lucide-react';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useInRouterContext } from 'react-router-dom';
import { slugify } from '../../../lib/format.js';
import { usePlans } from '../../../hooks/api/plans.js';
import { useThemes } from '../../../hooks/api/themes.js';
import { useActivateMerchant } from '../../../hooks/api/provisioning.js';
import {
  ActivationSettings,
  defaultTimeZone,
  featureToggles,
  type SettingsErrors,
  type SettingsValues,
} from './activation-settings.js';
import { PlanCards, ThemeCards } from './option-cards.js';
import { ProvisioningStatus } from './provisioning-status.js';

export interface MerchantActivationModalProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The merchant (application) to activate. */
  storeId: string;
  storeName: string;
  /** Called once provisioning has started, with its first status. */
  onSuccess?(status: ProvisioningStatusData): void;
}

/**
 * Activate a pending merchant: choose a theme (visual previews) and a plan, adjust the store
 * settings, submit — then the dialog shows the live provisioning status.
 */
export function MerchantActivationModal(props: MerchantActivationModalProps) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      {props.open && <ActivationDialogBody {...props} />}
    </Dialog>
  );
}

interface FormErrors extends SettingsErrors {
  themeId?: string;
  planId?: string;
  form?: string;
}

const SETTINGS_FIELDS = [
  'storeName',
  'slug',
  'currency',
  'timezone',
  'locale',
  'features',
] as const;

function ActivationDialogBody({ storeId, storeName, onSuccess }: MerchantActivationModalProps) {
  const themes = useThemes();
  const plans = usePlans();
  const activate = useActivateMerchant(storeId);
  const [started, setStarted] = useState(false);
  const [themeChoice, setThemeChoice] = useState<string | null>(null);
  const [planChoice, setPlanChoice] = useState<string | null>(null);
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [settings, setSettings] = useState<Omit<SettingsValues, 'features'>>(() => ({
    storeName,
    slug: slugify(storeName),
    currency: 'USD',
    timezone: defaultTimeZone(),
    locale: 'en-US',
  }));
  const [featureOverrides, setFeatureOverrides] = useState<Record<string, boolean>>({});

  // Defaults: the first theme and the popular plan, until the admin picks.
  const themeId = themeChoice ?? themes.data?.[0]?.id ?? '';
  const planId = planChoice ?? (plans.data?.find((p) => p.isPopular) ?? plans.data?.[0])?.id ?? '';
  const theme = themes.data?.find((t) => t.id === themeId);
  const features = useMemo(() => {
    const values: Record<string, boolean> = {};
    for (const toggle of featureToggles(theme))
      values[toggle.key] = featureOverrides[toggle.key] ?? toggle.default;
    return values;
  }, [theme, featureOverrides]);

  const values: SettingsValues = { ...settings, features };
  const change = (patch: Partial<SettingsValues>) => {
    const { features: nextFeatures, ...rest } = patch;
    if (nextFeatures) setFeatureOverrides((o) => ({ ...o, ...nextFeatures }));
    setSettings((s) => {
      const next = { ...s, ...rest };
      if (rest.storeName !== undefined && !slugEdited) next.slug = slugify(rest.storeName);
      return next;
    });
    setErrors((e) => {
      const cleared = { ...e, form: undefined };
      for (const key of Object.keys(patch)) delete cleared[key as keyof FormErrors];
      if (rest.storeName !== undefined && !slugEdited) delete cleared.slug;
      return cleared;
    });
  };

  const validate = (): FormErrors => {
    const found: FormErrors = {};
    if (!themeId) found.themeId = 'Choose a theme.';
    if (!planId) found.planId = 'Choose a plan.';
    if (!values.storeName.trim()) found.storeName = 'Enter the store name.';
    if (!SLUG_PATTERN.test(values.slug))
      found.slug = 'Use 2–40 lowercase letters, digits or dashes (no dash at either end).';
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    activate.mutate(
      {
        themeId,
        planId,
        settings: {
          storeName: values.storeName.trim(),
          slug: values.slug,
          currency: values.currency,
          timezone: values.timezone,
          locale: values.locale,
          features: values.features,
        },
      },
      {
        onSuccess: (status) => {
          setStarted(true);
          onSuccess?.(status);
        },
        onError: (error) => setErrors(errorsFromApi(error)),
      },
    );
  };

  if (started) {
    return (
      <DialogContent
        size="lg"
        title={`Activating ${values.storeName}`}
        description="Provisioning runs in the background; you can close this window at any time."
        data-testid="activation-modal"
        footer={<StatusFooter storeId={storeId} />}
      >
        <ProvisioningStatus storeId={storeId} autoRefresh refreshInterval={1500} />
      </DialogContent>
    );
  }

  const catalogError = themes.error ?? plans.error;
  let body: ReactNode;
  if (catalogError) {
    body = (
      <ErrorState
        title="Could not load themes and plans"
        error={catalogError}
        onRetry={() => {
          void themes.refetch();
          void plans.refetch();
        }}
      />
    );
  } else if (themes.isPending || plans.isPending) {
    body = <CatalogSkeleton />;
  } else {
    body = (
      <form id="activation-form" onSubmit={submit} noValidate className="space-y-8">
        {errors.form && (
          <Alert tone="danger" data-testid="activation-error">
            {errors.form}
          </Alert>
        )}
        <Section index={1} title="Theme" error={errors.themeId}>
          <ThemeCards
            themes={themes.data ?? []}
            value={themeId}
            invalid={!!errors.themeId}
            onChange={(id) => {
              setThemeChoice(id);
              setErrors((e) => ({ ...e, themeId: undefined, features: undefined }));
            }}
          />
        </Section>
        <Section index={2} title="Plan" error={errors.planId}>
          <PlanCards
            plans={plans.data ?? []}
            value={planId}
            invalid={!!errors.planId}
            onChange={(id) => {
              setPlanChoice(id);
              setErrors((e) => ({ ...e, planId: undefined }));
            }}
          />
        </Section>
        <Section index={3} title="Store settings">
          <ActivationSettings
            values={values}
            errors={errors}
            theme={theme}
            onChange={change}
            onSlugEdited={() => setSlugEdited(true)}
          />
        </Section>
      </form>
    );
  }

  return (
    <DialogContent
      size="xl"
      title={`Activate ${storeName}`}
      description="Choose how the store looks and what it includes. Provisioning starts right away."
      preventOutsideClose={activate.isPending}
      data-testid="activation-modal"
      footer={
        <>
          <DialogClose asChild>
            <Button variant="outline" disabled={activate.isPending}>
              Cancel
            </Button>
          </DialogClose>
          <Button
            type="submit"
            form="activation-form"
            loading={activate.isPending}
            disabled={!!catalogError || themes.isPending || plans.isPending}
            data-testid="activation-submit"
          >
            <Rocket /> Activate store
          </Button>
        </>
      }
    >
      {body}
    </DialogContent>
  );
}

function errorsFromApi(error: unknown): FormErrors {
  if (!isApiError(error)) return { form: 'Something went wrong. Please try again.' };
  const found: FormErrors = {};
  const themeError = error.field('themeId');
  const planError = error.field('planId');
  if (themeError) found.themeId = `Theme ${themeError}`;
  if (planError) found.planId = `Plan ${planError}`;
  for (const key of SETTINGS_FIELDS) {
    const message =
      error.fieldErrors[`settings.${key}`] ??
      Object.entries(error.fieldErrors).find(([k]) => k.startsWith(`settings.${key}.`))?.[1];
    if (message) found[key] = capitalize(message);
  }
  if (Object.keys(found).length === 0) found.form = error.message;
  return found;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Section({
  index,
  title,
  error,
  children,
}: {
  index: number;
  title: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`activation-section-${index}`} className="space-y-3">
      <div className="flex items-center gap-2.5">
        <span className="flex size-6 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700">
          {index}
        </span>
        <h3 id={`activation-section-${index}`} className="text-sm font-semibold text-fg">
          {title}
        </h3>
      </div>
      {error && (
        <p className="text-xs font-medium text-red-600" role="alert" data-field-error="">
          {error}
        </p>
      )}
      {children}
    </section>
  );
}

function StatusFooter({ storeId }: { storeId: string }) {
  const inRouter = useInRouterContext();
  return (
    <>
      {inRouter && (
        <Button asChild variant="outline">
          <Link to={`/merchants/${storeId}`}>
            Merchant details <ArrowRight />
          </Link>
        </Button>
      )}
      <DialogClose asChild>
        <Button>Done</Button>
      </DialogClose>
    </>
  );
}

function CatalogSkeleton() {
  return (
    <div className="space-y-8" aria-busy="true" aria-label="Loading themes and plans">
      <div className="grid gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="aspect-[4/3] w-full rounded-xl" />
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-40 w-full rounded-xl" />
        ))}
      </div>
    </div>
  );
}
