/**
 * Object storage for files the platform keeps (merchant media, ADR 061): one small interface,
 * a local-disk implementation (the default, under DATA_DIR) and an S3-compatible one, chosen
 * by config (create-storage.ts). Keys are `/`-separated paths of safe segments; nothing here
 * knows what they mean.
 */
import type { Readable } from 'node:stream';

export interface StoredObject {
  body: Readable;
  /** Size in bytes. */
  size: number;
}

export interface Storage {
  /** Writes (or replaces) an object; a reader never sees a partly written one. */
  put(key: string, body: Buffer): Promise<void>;
  /** The whole object, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** The object as a stream (for serving large files), or null when there is none. */
  stream(key: string): Promise<StoredObject | null>;
  /** Removes an object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Refuses keys that could leave the storage root (`..`, absolute paths, odd characters). */
export function assertStorageKey(key: string): void {
  const segments = key.split('/');
  if (segments.length > 8 || !segments.every((s) => KEY_SEGMENT.test(s) && !s.includes('..'))) {
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  }
}
