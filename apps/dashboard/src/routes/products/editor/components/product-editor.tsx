/**
 * The product editor, one screen for new and saved products. Save sends the whole document
 * (`POST`, or `PUT` with `If-Match: <revision>`); the answer becomes the new starting point.
 */
import type { Product } from '@orbit360/contracts';
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardHeader,
  ConfirmDialog,
  Field,
  PageHeader,
  Select,
  errorMessage,
  useToast,
} from '@orbit360/ui';
import { ArrowLeft, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useDeleteProduct, useSaveProduct } from '../../../../hooks/api/products.js';
import { isAtLimit, useUsage } from '../../../../hooks/api/usage.js';
import { useStoreMoney } from '../../../../hooks/use-store-money.js';
import { UnsavedChangesGuard } from '../../../../components/unsaved-changes-guard.js';
import { ProductStatusBadge } from '../../shared/product-status-badge.js';
import { ProductUsageLine } from '../../shared/plan-limit.js';
import { formToInput, type FormErrors } from '../product-form.js';
import { useProductForm } from '../use-product-form.js';
import { CollectionsPicker } from './collections-picker.js';
import { ImagesEditor } from './images-editor.js';
import { OptionsEditor } from './options-editor.js';
import { ProductDetailsCard, SeoCard } from './product-text-cards.js';
import { SaveProblem, STALE_MESSAGE, serverFieldErrors } from './save-problem.js';
import { VariantsTable } from './variants-table.js';

export interface ProductEditorProps {
  tenantId: string;
  product?: Product;
  /** Re-reads the product from the server (after a conflict). */
  reload: () => Promise<Product | undefined>;
}

export function ProductEditor({ tenantId, product, reload }: ProductEditorProps) {
  const toast = useToast();
  const navigate = useNavigate();
  const money = useStoreMoney();
  const state = useProductForm(product);
  const { form, update } = state;
  const save = useSaveProduct(tenantId);
  const remove = useDeleteProduct(tenantId);
  const usage = useUsage(tenantId);
  const [localErrors, setLocalErrors] = useState<FormErrors>({});
  const [isReloading, setReloading] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const isDirtyRef = useRef(false);
  useEffect(() => {
    isDirtyRef.current = state.isDirty && !save.isPending;
  });

  const errors: FormErrors = { ...serverFieldErrors(save.error), ...localErrors };
  const isNew = !product;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = formToInput(form);
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { id: product?.id, revision: state.revision, input },
      {
        onSuccess: (saved) => {
          state.adopt(saved);
          toast({ title: isNew ? 'Product created' : 'Product saved', tone: 'success' });
          if (isNew) {
            isDirtyRef.current = false;
            void navigate(`/products/${saved.id}`, { replace: true });
          }
        },
      },
    );
  };

  const onReload = async () => {
    setReloading(true);
    try {
      const latest = await reload();
      if (latest) state.adopt(latest);
      save.reset();
    } finally {
      setReloading(false);
    }
  };

  const onDelete = () =>
    remove.mutate(product!.id, {
      onSuccess: () => {
        isDirtyRef.current = false;
        toast({ title: `${form.title || 'Product'} deleted` });
        void navigate('/products');
      },
    });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" data-testid="product-editor">
      <UnsavedChangesGuard isDirtyRef={isDirtyRef} />
      <PageHeader
        className="mb-0"
        eyebrow={
          <Link to="/products" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft className="size-4" /> Products
          </Link>
        }
        title={isNew ? 'Add product' : product.title}
        badge={product && <ProductStatusBadge status={product.status} />}
        description={
          <span data-testid="save-status">
            {state.isDirty ? 'Unsaved changes' : isNew ? 'Not saved yet' : 'All changes saved'}
          </span>
        }
        actions={
          <>
            {!isNew && (
              <Button type="button" variant="outline" onClick={() => setConfirmDelete(true)}>
                <Trash2 /> Delete
              </Button>
            )}
            <Button type="submit" loading={save.isPending} disabled={!state.isDirty && !isNew}>
              Save
            </Button>
          </>
        }
      />
      {isNew && isAtLimit(usage.data?.products) && (
        <Alert tone="warning" title="Your plan's product limit is reached">
          <ProductUsageLine usage={usage.data?.products} />
        </Alert>
      )}
      {state.isChangedElsewhere && state.isDirty && !save.error && (
        <Alert
          tone="warning"
          data-testid="changed-elsewhere"
          action={
            <Button type="button" variant="outline" size="sm" onClick={() => void onReload()}>
              Reload
            </Button>
          }
        >
          {STALE_MESSAGE}
        </Alert>
      )}
      <SaveProblem
        error={save.error}
        localErrors={localErrors}
        onReload={() => void onReload()}
        isReloading={isReloading}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ProductDetailsCard form={form} errors={errors} state={state} />
          <Card>
            <CardHeader
              title="Options and variants"
              description="Up to 3 options, e.g. Size and Color. Each combination is a variant with its own price and stock."
            />
            <CardContent className="space-y-4">
              <OptionsEditor options={form.options} errors={errors} onChange={state.setOptions} />
              <VariantsTable
                rows={form.variants}
                currency={money.currency}
                errors={errors}
                onChange={(variants) => update({ variants })}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader title="Images" description="https URLs; the first image is the cover." />
            <CardContent>
              <ImagesEditor
                images={form.images}
                errors={errors}
                onChange={(images) => update({ images })}
              />
            </CardContent>
          </Card>
          <SeoCard form={form} errors={errors} update={update} />
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Status" />
            <CardContent>
              <Field
                label="Status"
                error={errors.status}
                hint="Only active products are on your website."
              >
                <Select
                  value={form.status}
                  onChange={(e) => update({ status: e.target.value as typeof form.status })}
                  options={[
                    { value: 'active', label: 'Active' },
                    { value: 'draft', label: 'Draft' },
                    { value: 'archived', label: 'Archived' },
                  ]}
                />
              </Field>
            </CardContent>
          </Card>
          <Card>
            <CardHeader title="Collections" />
            <CardContent>
              <CollectionsPicker
                tenantId={tenantId}
                value={form.collectionIds}
                onChange={(collectionIds) => update({ collectionIds })}
              />
            </CardContent>
          </Card>
        </div>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete ${product?.title ?? 'this product'}?`}
        description="It disappears from your website and collections. This cannot be undone."
        confirmLabel="Delete product"
        tone="danger"
        loading={remove.isPending}
        onConfirm={onDelete}
      >
        {remove.error && <p className="text-sm text-red-700">{errorMessage(remove.error)}</p>}
      </ConfirmDialog>
    </form>
  );
}
