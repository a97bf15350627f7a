/**
 * Debian's Chromium driven by playwright-core. Each scenario gets its own browser context
 * (fresh storage, like a separate person), records console errors and uncaught page errors
 * (a polished app has none), and saves screenshots of the screens it visits.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RESULTS_DIR, SCREENSHOTS_DIR } from './paths.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface ConsoleProblem {
  page: string;
  text: string;
}

export interface Actor {
  context: BrowserContext;
  page: Page;
  problems: ConsoleProblem[];
  /** Saves a full-page screenshot as `<scenario>-<nn>-<name>.png`; returns its path. */
  screenshot(name: string, page?: Page): Promise<string>;
  /** Fails when a console error or page error happened that no `allowed` pattern matches. */
  assertNoConsoleErrors(allowed?: RegExp[]): void;
  close(): Promise<void>;
}

const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function watchPage(page: Page, problems: ConsoleProblem[]) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push({ page: page.url(), text: message.text() });
  });
  page.on('pageerror', (error) => problems.push({ page: page.url(), text: String(error) }));
}

export async function newActor(browser: Browser, scenario: string): Promise<Actor> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  context.setDefaultTimeout(15_000);
  const problems: ConsoleProblem[] = [];
  context.on('page', (page) => watchPage(page, problems));
  const page = await context.newPage();
  let counter = 0;
  return {
    context,
    page,
    problems,
    async screenshot(name, target = page) {
      counter += 1;
      const file = join(
        SCREENSHOTS_DIR,
        `${slug(scenario)}-${String(counter).padStart(2, '0')}-${slug(name)}.png`,
      );
      await target.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      return file;
    },
    assertNoConsoleErrors(allowed = []) {
      const unexpected = problems.filter((p) => !allowed.some((re) => re.test(p.text)));
      if (unexpected.length > 0) {
        throw new Error(
          `console errors in the browser:\n${unexpected.map((p) => `  ${p.page}: ${p.text}`).join('\n')}`,
        );
      }
    },
    async close() {
      await context.close();
    },
  };
}

/** On failure, keeps a screenshot of every open page of the actor for diagnosis. */
export async function captureFailure(actor: Actor | undefined, scenario: string) {
  if (!actor) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const pages = actor.context.pages();
  for (const [index, page] of pages.entries()) {
    const file = join(RESULTS_DIR, `${slug(scenario)}-failure-${index + 1}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.error(`  failure screenshot: ${file} (${page.url()})`);
  }
}
