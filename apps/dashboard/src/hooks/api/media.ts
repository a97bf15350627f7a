/**
 * Uploading product images: `POST /api/merchant/media` (multipart) through XMLHttpRequest, whose
 * upload events give a progress bar (fetch offers none for request bodies), and reading an
 * item back to see when its processing is over (`media.ready` also refreshes the products).
 */
import type { MediaItem, MediaList } from '@orbit360/contracts';
import { api, ApiError } from '../../lib/api-client.js';
import { getRuntimeConfig } from '../../lib/runtime-config.js';
import { getSession } from '../../lib/session-store.js';

export function uploadMedia(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<MediaItem> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${getRuntimeConfig().apiUrl.replace(/\/$/, '')}/api/merchant/media`);
    const token = getSession()?.token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error('The upload failed: check your connection'));
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText) as unknown;
        } catch {
          return null;
        }
      })();
      if (xhr.status === 201) return resolve(body as MediaItem);
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      reject(
        new ApiError(xhr.status, error?.code ?? 'INTERNAL', error?.message ?? 'Upload failed'),
      );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** The newest page of the store's media: where fresh uploads show their processing state. */
export async function fetchMediaItems(): Promise<MediaItem[]> {
  return (await api.get<MediaList>('/api/merchant/media')).items;
}
