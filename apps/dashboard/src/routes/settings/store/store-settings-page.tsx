import { Card, ErrorState, PageHeader, Skeleton } from '@orbit360/ui';
import { useStoreSettings } from '../../../hooks/api/store-settings.js';
import { useSession } from '../../../lib/session-store.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { StoreSettingsForm } from './components/store-settings-form.js';

function SettingsSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading your settings" data-testid="loading-state">
      <Skeleton className="mb-4 h-56" />
      <Skeleton className="h-40" />
    </div>
  );
}

/** Store settings. The dashboard layout refetches them whenever they change elsewhere. */
export function StoreSettingsPage() {
  const session = useSession()!;
  const tenantId = session.merchant.tenantId;
  const settings = useStoreSettings(tenantId);
  useDocumentTitle('Store settings');

  return (
    <div className="max-w-4xl">
      <PageHeader
        title="Store settings"
        description="Your store's name, contact details and regional preferences."
      />
      {settings.data ? (
        <StoreSettingsForm settings={settings.data} tenantId={tenantId} />
      ) : settings.isPending ? (
        <SettingsSkeleton />
      ) : (
        <Card>
          <ErrorState
            title="We could not load your settings"
            error={settings.error}
            onRetry={() => void settings.refetch()}
          />
        </Card>
      )}
    </div>
  );
}
