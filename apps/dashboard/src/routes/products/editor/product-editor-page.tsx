/** `/products/new` and `/products/:id`: loads the product, then the editor (keyed by id). */
import { Card, ErrorState, LoadingState } from '@orbit360/ui';
import { useParams } from 'react-router-dom';
import { useProduct } from '../../../hooks/api/products.js';
import { useSession } from '../../../lib/session-store.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { ProductEditor } from './components/product-editor.js';

export function ProductEditorPage() {
  const tenantId = useSession()!.merchant.tenantId;
  const { id } = useParams();
  const product = useProduct(tenantId, id);
  useDocumentTitle(id ? (product.data?.title ?? 'Product') : 'Add product');

  if (id && product.isPending) return <LoadingState label="Loading the product…" />;
  if (id && !product.data) {
    return (
      <Card>
        <ErrorState
          title="We could not load this product"
          error={product.error}
          onRetry={() => void product.refetch()}
        />
      </Card>
    );
  }
  return (
    <ProductEditor
      key={id ?? 'new'}
      tenantId={tenantId}
      product={product.data}
      reload={async () => (await product.refetch()).data}
    />
  );
}
