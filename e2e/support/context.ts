/** What the runner starts once and every scenario uses. */
import type { Browser } from 'playwright-core';
import type { Platform } from './platform.js';

export interface E2EContext {
  platform: Platform;
  browser: Browser;
}

let current: E2EContext | undefined;

export function setContext(value: E2EContext | undefined) {
  current = value;
}

export function ctx(): E2EContext {
  if (!current) throw new Error('the platform is not running (the runner setup failed)');
  return current;
}
