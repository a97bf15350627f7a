/**
 * The collection editor: title, handle (follows the title until edited), description and the
 * ordered products (add from a search, remove, move up/down). Save replaces the collection.
 */
import type { Collection, ProductSummary } from '@orbit360/contracts';
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  ConfirmDialog,
  Field,
  Input,
  PageHeader,
  Textarea,
  errorMessage,
  useToast,
} from '@orbit360/ui';
import { ArrowLeft, Trash2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { UnsavedChangesGuard } from '../../../../components/unsaved-changes-guard.js';
import { useDeleteCollection, useSaveCollection } from '../../../../hooks/api/collections.js';
import { useProducts } from '../../../../hooks/api/products.js';
import { isApiError } from '../../../../lib/api-client.js';
import { slugify } from '../../../../lib/slugify.js';
import { OrderedProducts } from './ordered-products.js';
import { ProductPicker } from './product-picker.js';

interface CollectionForm {
  title: string;
  handle: string;
  isHandleEdited: boolean;
  description: string;
  productIds: string[];
}

const formOf = (c: Collection | undefined): CollectionForm => ({
  title: c?.title ?? '',
  handle: c?.handle ?? '',
  isHandleEdited: Boolean(c),
  description: c?.description ?? '',
  productIds: c ? [...c.productIds] : [],
});

/** Titles of the members (the collection itself carries ids only) and of products just added. */
function useProductTitles(tenantId: string, collectionId: string | undefined) {
  const members = useProducts(tenantId, { collectionId, pageSize: 100 });
  const [added, setAdded] = useState<ProductSummary[]>([]);
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of [...(collectionId ? (members.data?.items ?? []) : []), ...added]) {
      map.set(p.id, p.title);
    }
    return map;
  }, [members.data, added, collectionId]);
  return { titles, remember: (p: ProductSummary) => setAdded((list) => [...list, p]) };
}

export function CollectionEditor({
  tenantId,
  collection,
}: {
  tenantId: string;
  collection?: Collection;
}) {
  const toast = useToast();
  const navigate = useNavigate();
  const save = useSaveCollection(tenantId);
  const remove = useDeleteCollection(tenantId);
  const [saved, setSaved] = useState(() => formOf(collection));
  const [form, setForm] = useState(saved);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { titles, remember } = useProductTitles(tenantId, collection?.id);
  const isDirty = JSON.stringify(form) !== JSON.stringify(saved);
  const isDirtyRef = useRef(false);
  useEffect(() => {
    isDirtyRef.current = isDirty && !save.isPending;
  });
  const apiError = isApiError(save.error) ? save.error : null;
  const fieldError = (name: string) =>
    apiError?.fieldErrors[name] ??
    ((apiError?.details as { field?: string } | undefined)?.field === `body.${name}`
      ? apiError?.message
      : undefined);
  const hasFieldError = ['title', 'handle', 'description'].some((f) => fieldError(f));

  const update = (patch: Partial<CollectionForm>) => setForm((f) => ({ ...f, ...patch }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const handle = form.handle.trim();
    save.mutate(
      {
        id: collection?.id,
        input: {
          title: form.title.trim(),
          ...(handle ? { handle } : {}),
          description: form.description.trim(),
          productIds: form.productIds,
        },
      },
      {
        onSuccess: (result) => {
          const next = formOf(result);
          setSaved(next);
          setForm(next);
          toast({ title: collection ? 'Collection saved' : 'Collection created', tone: 'success' });
          if (!collection) {
            isDirtyRef.current = false;
            void navigate(`/collections/${result.id}`, { replace: true });
          }
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" data-testid="collection-editor">
      <UnsavedChangesGuard isDirtyRef={isDirtyRef} />
      <PageHeader
        className="mb-0"
        eyebrow={
          <Link to="/collections" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft className="size-4" /> Collections
          </Link>
        }
        title={collection ? collection.title : 'Add collection'}
        actions={
          <>
            {collection && (
              <Button type="button" variant="outline" onClick={() => setConfirmDelete(true)}>
                <Trash2 /> Delete
              </Button>
            )}
            <Button type="submit" loading={save.isPending} disabled={!isDirty && !!collection}>
              Save
            </Button>
          </>
        }
      />
      {save.error && !hasFieldError && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(save.error)}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardContent className="space-y-4 pt-5">
            <Field label="Title" required error={fieldError('title')}>
              <Input
                value={form.title}
                onChange={(e) =>
                  setForm((f) => ({
                    ...f,
                    title: e.target.value,
                    handle: f.isHandleEdited ? f.handle : slugify(e.target.value),
                  }))
                }
              />
            </Field>
            <Field label="Handle" error={fieldError('handle')}>
              <Input
                value={form.handle}
                onChange={(e) => update({ handle: e.target.value, isHandleEdited: true })}
              />
            </Field>
            <Field label="Description" error={fieldError('description')}>
              <Textarea
                rows={4}
                value={form.description}
                onChange={(e) => update({ description: e.target.value })}
              />
            </Field>
          </CardContent>
        </Card>
        <Card>
          <CardHeader
            title="Products"
            description={`${form.productIds.length} in this collection, shown in this order.`}
          />
          <CardContent className="space-y-4">
            <OrderedProducts
              productIds={form.productIds}
              titles={titles}
              onChange={(productIds) => update({ productIds })}
            />
            <ProductPicker
              tenantId={tenantId}
              excluded={new Set(form.productIds)}
              onAdd={(p) => {
                remember(p);
                update({ productIds: [...form.productIds, p.id] });
              }}
            />
          </CardContent>
        </Card>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete ${collection?.title ?? 'this collection'}?`}
        description="Its products stay in your store; only the grouping is removed."
        confirmLabel="Delete collection"
        tone="danger"
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(collection!.id, {
            onSuccess: () => {
              isDirtyRef.current = false;
              toast({ title: `${collection!.title} deleted` });
              void navigate('/collections');
            },
          })
        }
      >
        {remove.error && <p className="text-sm text-red-700">{errorMessage(remove.error)}</p>}
      </ConfirmDialog>
    </form>
  );
}
