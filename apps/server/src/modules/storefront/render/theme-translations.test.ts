import { describe, expect, it } from 'vitest';
import { createThemeEngine, renderThemePage } from './theme-engine.js';
import { createTranslator, humaniseKey, localeChain } from './theme-translations.js';

const LOCALES = {
  'locales/en.json': JSON.stringify({
    cart: { add: 'Add to cart', items: { one: '{{ count }} item', other: '{{ count }} items' } },
    footer: { copyright: '© {{ year }} {{ name }}', only_en: 'English only' },
  }),
  'locales/de.json': JSON.stringify({
    cart: {
      add: 'In den Warenkorb',
      items: { one: '{{ count }} Artikel', other: '{{ count }} Artikel' },
    },
    footer: { copyright: '© {{ year }} {{ name }} (de)' },
  }),
  'locales/de-at.json': JSON.stringify({ cart: { add: 'In den Einkaufswagen' } }),
  'locales/fr.json': '{ not json',
};

describe('theme translations', () => {
  const translator = createTranslator(LOCALES);

  it('resolves the full tag, then the language, then English, key by key', () => {
    expect(localeChain('de-AT')).toEqual(['de-at', 'de', 'en']);
    expect(localeChain('en-US')).toEqual(['en-us', 'en']);
    expect(translator.translate('de-AT', 'cart.add', {})).toBe('In den Einkaufswagen');
    expect(translator.translate('de-DE', 'cart.add', {})).toBe('In den Warenkorb');
    expect(translator.translate('de-AT', 'footer.only_en', {})).toBe('English only');
    expect(translator.translate('en-US', 'cart.add', {})).toBe('Add to cart');
    // A broken file is ignored: French falls back to English.
    expect(translator.translate('fr', 'cart.add', {})).toBe('Add to cart');
  });

  it('interpolates named values and picks plural forms by count', () => {
    expect(translator.translate('en', 'footer.copyright', { year: 2026, name: 'Tea' })).toBe(
      '© 2026 Tea',
    );
    expect(translator.translate('de', 'footer.copyright', { year: 2026, name: 'Tee' })).toBe(
      '© 2026 Tee (de)',
    );
    expect(translator.translate('en', 'cart.items', { count: 1 })).toBe('1 item');
    expect(translator.translate('en', 'cart.items', { count: 3 })).toBe('3 items');
    expect(translator.translate('de', 'cart.items', { count: 3 })).toBe('3 Artikel');
    // A placeholder without a value stays visible rather than vanishing.
    expect(translator.translate('en', 'footer.copyright', { year: 1 })).toBe('© 1 {{ name }}');
  });

  it('renders a missing key as its last segment humanised, never as an error', () => {
    expect(humaniseKey('products.product.sold_out')).toBe('Sold out');
    expect(translator.translate('de', 'products.product.back-in-stock', {})).toBe('Back in stock');
    expect(translator.translate('xx-invalid-', 'cart', {})).toBe('Cart');
    expect(translator.translate('en', '', {})).toBe('');
  });

  it('bounds what one translation can produce', () => {
    const huge = 'x'.repeat(60_000);
    expect(() =>
      translator.translate('en', 'footer.copyright', { year: huge, name: huge }),
    ).toThrow(/too large/);
  });

  it('escapes translated text and interpolated values like any output', () => {
    const engine = createThemeEngine({
      cacheKey: 'escape-test',
      assetVersion: 'v',
      templates: {
        ...LOCALES,
        'layout/theme.liquid': '{{ content_for_layout | raw }}',
        'templates/index.liquid': "{{ 'footer.copyright' | t: year: 2026, name: shop.name }}",
      },
    });
    const html = renderThemePage(engine, 'index', { shop: { name: '<b>Tea</b>', locale: 'de' } });
    expect(html).toBe('© 2026 &lt;b&gt;Tea&lt;/b&gt; (de)');
  });
});
