/**
 * Assets the engine serves to every theme at reserved store asset names (a theme's own file of
 * the same name is not served): the base stylesheet and the variant picker's script. Their
 * hash is part of each theme's asset version, so their immutable URLs change when they do.
 */
import { createHash } from 'node:crypto';
import { BASE_STYLESHEET, BASE_STYLESHEET_FILE } from './base-stylesheet.js';
import { VARIANT_PICKER_SCRIPT } from './variant-picker-script.js';

export const ENGINE_ASSETS: ReadonlyMap<string, string> = new Map([
  [BASE_STYLESHEET_FILE, BASE_STYLESHEET],
  ['variant-picker.js', VARIANT_PICKER_SCRIPT],
]);

export const ENGINE_ASSETS_VERSION = createHash('sha1')
  .update(JSON.stringify([...ENGINE_ASSETS]))
  .digest('base64url')
  .slice(0, 12);
