/** Ordered images as https URL + alt text, reordered with up/down buttons (the first is the cover). */
import { Button, Field, Input } from '@orbit360/ui';
import { ArrowDown, ArrowUp, ImagePlus, Trash2 } from 'lucide-react';
import { useImageSrc } from '../../../../hooks/use-image-src.js';
import { moveItem as move } from '../../../../lib/move-item.js';
import type { FormErrors, ImageDraft } from '../product-form.js';
import { ImageUpload } from './image-upload.js';

export function ImagesEditor({
  images,
  errors,
  onChange,
}: {
  images: ImageDraft[];
  errors: FormErrors;
  onChange: (images: ImageDraft[]) => void;
}) {
  const srcOf = useImageSrc();
  const set = (index: number, patch: Partial<ImageDraft>) =>
    onChange(images.map((image, i) => (i === index ? { ...image, ...patch } : image)));
  return (
    <div className="space-y-3" data-testid="images-editor">
      {images.length === 0 && (
        <p className="text-sm text-fg-muted">No images yet. The first image is the cover.</p>
      )}
      <ol className="space-y-3">
        {images.map((image, i) => (
          <li key={i} className="flex items-start gap-3 rounded-lg border border-border p-3">
            <div className="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-md border border-border bg-gray-50">
              {srcOf(image.url) ? (
                <img src={srcOf(image.url)} alt="" className="size-full object-cover" />
              ) : (
                <ImagePlus aria-hidden className="size-5 text-fg-subtle" />
              )}
            </div>
            <div className="grid min-w-0 flex-1 gap-3 sm:grid-cols-2">
              {image.mediaId ? (
                <p className="text-sm text-fg-muted">
                  {image.status === 'processing'
                    ? 'Uploaded image: processing…'
                    : image.status === 'failed'
                      ? 'This image could not be processed: remove it'
                      : 'Uploaded image'}
                </p>
              ) : (
                <Field label={`Image ${i + 1} URL`} error={errors[`images.${i}.url`]}>
                  <Input
                    type="url"
                    placeholder="https://…"
                    value={image.url}
                    onChange={(e) => set(i, { url: e.target.value })}
                  />
                </Field>
              )}
              <Field label={`Image ${i + 1} alt text`} error={errors[`images.${i}.alt`]}>
                <Input
                  placeholder="What the image shows"
                  value={image.alt}
                  onChange={(e) => set(i, { alt: e.target.value })}
                />
              </Field>
            </div>
            <div className="flex shrink-0 flex-col gap-1 sm:flex-row">
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Move image ${i + 1} up`}
                disabled={i === 0}
                onClick={() => onChange(move(images, i, i - 1))}
              >
                <ArrowUp />
              </Button>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Move image ${i + 1} down`}
                disabled={i === images.length - 1}
                onClick={() => onChange(move(images, i, i + 1))}
              >
                <ArrowDown />
              </Button>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Remove image ${i + 1}`}
                onClick={() => onChange(images.filter((_, j) => j !== i))}
              >
                <Trash2 />
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <ImageUpload images={images} onChange={onChange} />
      <Button
        type="button"
        variant="outline"
        size="sm"
        onClick={() => onChange([...images, { url: '', alt: '' }])}
      >
        <ImagePlus /> Add image URL
      </Button>
    </div>
  );
}
