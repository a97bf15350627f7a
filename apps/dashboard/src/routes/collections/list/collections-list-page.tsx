/** The store's collections in display order, with their product counts. */
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from '@orbit360/ui';
import { Layers, Plus } from 'lucide-react';
import { Link } from 'react-router-dom';
import { useCollections } from '../../../hooks/api/collections.js';
import { useSession } from '../../../lib/session-store.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';

function AddCollectionButton() {
  return (
    <Button asChild>
      <Link to="/collections/new">
        <Plus /> Add collection
      </Link>
    </Button>
  );
}

export function CollectionsListPage() {
  const tenantId = useSession()!.merchant.tenantId;
  useDocumentTitle('Collections');
  const collections = useCollections(tenantId);
  const items = collections.data?.items ?? [];
  return (
    <div className="space-y-4">
      <PageHeader
        className="mb-2"
        title="Collections"
        description="Group products for your website's menus and pages."
        actions={<AddCollectionButton />}
      />
      <Card>
        {collections.isPending ? (
          <LoadingState label="Loading collections…" />
        ) : collections.isError ? (
          <ErrorState
            title="We could not load your collections"
            error={collections.error}
            onRetry={() => void collections.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<Layers />}
            title="No collections yet"
            description="A collection is a hand-picked, ordered list of products."
            action={<AddCollectionButton />}
          />
        ) : (
          <Table data-testid="collections-table">
            <THead>
              <tr>
                <TH>Title</TH>
                <TH>Handle</TH>
                <TH className="text-right">Products</TH>
              </tr>
            </THead>
            <TBody>
              {items.map((c) => (
                <TR key={c.id}>
                  <TD>
                    <Link
                      to={`/collections/${c.id}`}
                      className="font-medium hover:text-brand-700 hover:underline"
                    >
                      {c.title}
                    </Link>
                  </TD>
                  <TD className="text-fg-muted">/collections/{c.handle}</TD>
                  <TD className="text-right tabular-nums">{c.productsCount}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
