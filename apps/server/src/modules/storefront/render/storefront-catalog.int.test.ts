import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers.js';
import { createTestStore } from '../../../../test/support/create-test-store.js';
import { createTestProduct } from '../../../../test/support/create-test-product.js';

const THEMES = ['modern', 'classic', 'minimal'] as const;

describe('storefront catalog pages', () => {
  const t = setupTestApp();
  const get = (slug: string, url: string) =>
    t.app.inject({ url, headers: { host: `${slug}.localhost:5000` } });

  async function jacket(tenantId: string) {
    return createTestProduct(t.ctx, tenantId, {
      title: 'Rain Jacket',
      handle: 'rain-jacket',
      options: [
        { name: 'Color', values: ['Red', 'Blue'] },
        { name: 'Size', values: ['S', 'M'] },
      ],
      variants: [
        {
          optionValues: ['Red', 'S'],
          priceCents: 5000,
          trackInventory: true,
          inventoryQuantity: 0,
        },
        {
          optionValues: ['Red', 'M'],
          priceCents: 5200,
          compareAtPriceCents: 6000,
          trackInventory: true,
          inventoryQuantity: 3,
        },
        {
          optionValues: ['Blue', 'S'],
          priceCents: 5100,
          trackInventory: true,
          inventoryQuantity: 0,
        },
        {
          optionValues: ['Blue', 'M'],
          priceCents: 5300,
          trackInventory: true,
          inventoryQuantity: 0,
        },
      ],
    });
  }

  it.each(THEMES)(
    '%s: the variant picker selects by ?variant and shows sold out',
    async (theme) => {
      const store = await createTestStore(t.ctx, { theme, storeName: `Picker ${theme}` });
      const product = await jacket(store.tenantId);
      const [redS, redM, , blueM] = product.variants;

      // Default: the cheapest available variant (Red / M), orderable, with its compare-at price.
      const page = await get(store.slug, '/products/rain-jacket');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('$52.00');
      expect(page.body).toContain('$60.00');
      expect(page.body).toMatch(/<a class="[^"]*button[^"]*" href="[^"]*" data-when-available>/);
      expect(page.body).toMatch(
        /<button type="button" class="[^"]*" disabled data-when-sold-out hidden>Sold out<\/button>/,
      );
      expect(page.body).toContain(`href="/products/rain-jacket?variant=${blueM!.id}"`);
      expect(page.body).toMatch(/data-value="M" aria-current="true"/);
      expect(page.body).toContain('<script type="application/json" data-variants>');
      expect(page.body).toMatch(
        /<script src="\/assets\/variant-picker\.js\?v=[\w-]+" defer><\/script>/,
      );
      expect(page.body).not.toMatch(/\son[a-z]+=/i);

      // A sold-out variant: the buy button is disabled and says so; no order link is offered.
      const soldOut = await get(store.slug, `/products/rain-jacket?variant=${redS!.id}`);
      expect(soldOut.statusCode).toBe(200);
      expect(soldOut.body).toContain('$50.00');
      expect(soldOut.body).toMatch(
        /<button type="button" class="[^"]*" disabled data-when-sold-out>Sold out<\/button>/,
      );
      expect(soldOut.body).toMatch(/data-when-available hidden>/);
      expect(soldOut.body).toMatch(/data-value="S" aria-current="true"/);
      // The canonical URL stays the product's.
      expect(soldOut.body).toContain(
        `<link rel="canonical" href="http://${store.slug}.localhost:5000/products/rain-jacket">`,
      );

      // An unknown or malformed variant id shows the default variant.
      const unknown = await get(store.slug, '/products/rain-jacket?variant=not-a-uuid');
      expect(unknown.statusCode).toBe(200);
      expect(unknown.body).toContain('$52.00');
      expect(redM).toBeDefined();

      const script = await get(store.slug, '/assets/variant-picker.js');
      expect(script.statusCode).toBe(200);
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    },
  );
});
