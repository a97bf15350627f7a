/**
 * Uploads images for the product: a file input and a drop zone, several files at once, one
 * progress bar per file; each finished upload joins the images as `{ mediaId }` (processing),
 * and the editor polls until its resized copies are ready.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload } from 'lucide-react';
import { fetchMediaItems, uploadMedia } from '../../../../hooks/api/media.js';
import type { ImageDraft } from '../product-form.js';

interface Pending {
  key: number;
  name: string;
  progress: number;
  error?: string;
}

const POLL_MS = 2000;

export function ImageUpload({
  images,
  onChange,
}: {
  images: ImageDraft[];
  onChange: (images: ImageDraft[]) => void;
}) {
  const [pending, setPending] = useState<Pending[]>([]);
  const latest = useRef(images);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    latest.current = images;
    onChangeRef.current = onChange;
  });
  const nextKey = useRef(0);
  /** Uploads and polls finish between renders: each change builds on the last one made. */
  const change = useCallback((update: (images: ImageDraft[]) => ImageDraft[]) => {
    latest.current = update(latest.current);
    onChangeRef.current(latest.current);
  }, []);

  const processingIds = images
    .filter((i) => i.mediaId && i.status === 'processing')
    .map((i) => i.mediaId)
    .join(',');
  useEffect(() => {
    if (!processingIds) return;
    const timer = setInterval(() => {
      void fetchMediaItems().then((items) => {
        const done = new Map(
          items.filter((m) => m.status !== 'processing').map((m) => [m.id, m] as const),
        );
        if (![...done.keys()].some((id) => processingIds.includes(id))) return;
        change((current) =>
          current.map((image) => {
            const item = image.mediaId ? done.get(image.mediaId) : undefined;
            if (!item || image.status !== 'processing') return image;
            const shown = item.urls.sizes['480'] ?? Object.values(item.urls.sizes).at(-1);
            return { ...image, status: item.status, url: shown ?? image.url };
          }),
        );
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [processingIds, change]);

  const patch = (key: number, change: Partial<Pending>) =>
    setPending((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const start = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = nextKey.current++;
      setPending((all) => [...all, { key, name: file.name, progress: 0 }]);
      uploadMedia(file, (progress) => patch(key, { progress }))
        .then((item) => {
          setPending((all) => all.filter((p) => p.key !== key));
          change((current) => [
            ...current,
            { mediaId: item.id, url: item.urls.original, alt: '', status: item.status },
          ]);
        })
        .catch((error: Error) => patch(key, { error: error.message }));
    }
  };

  return (
    <div className="space-y-2">
      <label
        className="flex cursor-pointer flex-col items-center gap-1 rounded-lg border border-dashed border-border p-4 text-sm text-fg-muted"
        data-testid="image-drop-zone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          start(e.dataTransfer.files);
        }}
      >
        <Upload aria-hidden className="size-5" />
        <span>Drop images here or choose files (JPEG, PNG, WebP, AVIF, GIF)</span>
        <input
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          aria-label="Upload images"
          className="sr-only"
          onChange={(e) => {
            if (e.target.files) start(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {pending.map((p) => (
        <div key={p.key} className="text-sm">
          <span>{p.name}</span>{' '}
          {p.error ? (
            <span role="alert" className="text-danger">
              {p.error}
            </span>
          ) : (
            <progress aria-label={`Uploading ${p.name}`} max={1} value={p.progress} />
          )}
        </div>
      ))}
    </div>
  );
}
