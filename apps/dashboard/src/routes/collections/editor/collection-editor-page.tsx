/** `/collections/new` and `/collections/:id`: loads the collection, then the editor. */
import { Card, ErrorState, LoadingState } from '@orbit360/ui';
import { useParams } from 'react-router-dom';
import { useCollection } from '../../../hooks/api/collections.js';
import { useSession } from '../../../lib/session-store.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { CollectionEditor } from './components/collection-editor.js';

export function CollectionEditorPage() {
  const tenantId = useSession()!.merchant.tenantId;
  const { id } = useParams();
  const collection = useCollection(tenantId, id);
  useDocumentTitle(id ? (collection.data?.title ?? 'Collection') : 'Add collection');

  if (id && collection.isPending) return <LoadingState label="Loading the collection…" />;
  if (id && !collection.data) {
    return (
      <Card>
        <ErrorState
          title="We could not load this collection"
          error={collection.error}
          onRetry={() => void collection.refetch()}
        />
      </Card>
    );
  }
  return <CollectionEditor key={id ?? 'new'} tenantId={tenantId} collection={collection.data} />;
}
