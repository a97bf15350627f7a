/**
 * The editor's state: the form, the revision it started from, and the changes that keep the
 * variants grid and the handle in step (options → combinations, title → handle until edited).
 * A newer revision arriving (realtime refetch) replaces an untouched form; with edits, it is
 * only noted, and the merchant chooses when to reload.
 */
import type { Product } from '@orbit360/contracts';
import { useMemo, useState } from 'react';
import { slugify } from '../../../lib/slugify.js';
import { emptyForm, formFromProduct, type ProductForm } from './product-form.js';
import { regenerateVariants, type OptionDraft } from './variants-grid.js';

export function useProductForm(product: Product | undefined) {
  const [saved, setSaved] = useState<ProductForm>(() =>
    product ? formFromProduct(product) : emptyForm(),
  );
  const [form, setForm] = useState<ProductForm>(saved);
  const [revision, setRevision] = useState(product?.revision);
  const isDirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(saved), [form, saved]);
  const isChangedElsewhere =
    product !== undefined && revision !== undefined && product.revision > revision;

  const adopt = (latest: Product) => {
    const next = formFromProduct(latest);
    setSaved(next);
    setForm(next);
    setRevision(latest.revision);
  };

  // A new revision from the server (a refetch after an event) replaces an untouched form.
  const [seenRevision, setSeenRevision] = useState(product?.revision);
  if (product && product.revision !== seenRevision) {
    setSeenRevision(product.revision);
    if (revision !== undefined && product.revision > revision && !isDirty) adopt(product);
  }

  const update = (patch: Partial<ProductForm>) => setForm((f) => ({ ...f, ...patch }));
  const setTitle = (title: string) =>
    setForm((f) => ({ ...f, title, handle: f.isHandleEdited ? f.handle : slugify(title) }));
  const setHandle = (handle: string) => update({ handle, isHandleEdited: true });
  const setOptions = (options: OptionDraft[]) =>
    setForm((f) => ({
      ...f,
      options,
      variants: regenerateVariants(f.options, f.variants, options),
    }));

  return {
    form,
    revision,
    isDirty,
    isChangedElsewhere,
    adopt,
    update,
    setTitle,
    setHandle,
    setOptions,
  };
}
