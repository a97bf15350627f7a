/** The editor's text sections: title, handle and description; the search engine listing. */
import { Card, CardContent, CardHeader, Field, Input, Textarea } from '@orbit360/ui';
import type { FormErrors, ProductForm } from '../product-form.js';
import type { useProductForm } from '../use-product-form.js';
import { DescriptionEditor } from './description-editor.js';

type FormState = ReturnType<typeof useProductForm>;

export function ProductDetailsCard({
  form,
  errors,
  state,
}: {
  form: ProductForm;
  errors: FormErrors;
  state: FormState;
}) {
  const update = state.update;
  return (
    <Card>
      <CardContent className="space-y-4 pt-5">
        <Field label="Title" required error={errors.title}>
          <Input value={form.title} onChange={(e) => state.setTitle(e.target.value)} />
        </Field>
        <Field
          label="Handle"
          error={errors.handle}
          hint={`Your product's address: /products/${form.handle || '…'}`}
        >
          <Input value={form.handle} onChange={(e) => state.setHandle(e.target.value)} />
        </Field>
        <Field label="Description" error={errors.description}>
          <DescriptionEditor
            value={form.description}
            onChange={(description) => update({ description })}
          />
        </Field>
      </CardContent>
    </Card>
  );
}

export function SeoCard({
  form,
  errors,
  update,
}: {
  form: ProductForm;
  errors: FormErrors;
  update: (patch: Partial<ProductForm>) => void;
}) {
  return (
    <Card>
      <CardHeader title="Search engine listing" />
      <CardContent className="space-y-4">
        <Field label="SEO title" error={errors.seoTitle} hint="Defaults to the title">
          <Input value={form.seoTitle} onChange={(e) => update({ seoTitle: e.target.value })} />
        </Field>
        <Field label="SEO description" error={errors.seoDescription}>
          <Textarea
            rows={3}
            value={form.seoDescription}
            onChange={(e) => update({ seoDescription: e.target.value })}
          />
        </Field>
      </CardContent>
    </Card>
  );
}
