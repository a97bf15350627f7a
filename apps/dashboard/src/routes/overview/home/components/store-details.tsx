import { Card, CardContent, CardHeader, CopyButton, DescriptionList } from '@orbit360/ui';
import type { MerchantOverview } from '@orbit360/contracts';

function UrlValue({ url, label }: { url: string | null; label: string }) {
  if (!url) return <span className="text-fg-subtle">Not available yet</span>;
  return (
    <span className="flex min-w-0 items-center gap-1">
      <a
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        className="truncate font-medium text-brand-700 hover:underline"
      >
        {url}
      </a>
      <CopyButton value={url} label={`Copy ${label}`} />
    </span>
  );
}

const dateTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : null;

export function StoreDetails({ overview }: { overview: MerchantOverview }) {
  const { store, merchant } = overview;
  return (
    <Card>
      <CardHeader title="Your store" description="Where your customers and your team find it." />
      <CardContent>
        <DescriptionList
          items={[
            {
              label: 'Website',
              value: <UrlValue url={store.websiteUrl} label="website URL" />,
              testId: 'website-url',
            },
            {
              label: 'Dashboard',
              value: <UrlValue url={store.dashboardUrl} label="dashboard URL" />,
            },
            { label: 'Store address', value: store.slug, testId: 'store-slug' },
            { label: 'Merchant ID', value: merchant.merchantCode, testId: 'merchant-code' },
            { label: 'Currency', value: store.currency },
            { label: 'Time zone', value: store.timezone },
            { label: 'Language', value: store.locale },
            { label: 'Live since', value: dateTime(store.liveAt) },
          ]}
        />
      </CardContent>
    </Card>
  );
}
