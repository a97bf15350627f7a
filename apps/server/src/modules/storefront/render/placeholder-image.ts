/**
 * Generated product artwork for sample products: a soft gradient and a simple illustration of
 * the product kind, as SVG. No network and no stored files; the URL fully determines the image
 * (`placeholder:<kind>:<hue>` in the database → `<store>/assets/placeholder/<kind>-<hue>.svg`).
 */

type Palette = { ink: string; mid: string; light: string; accent: string };

const SHAPES: Record<string, (c: Palette) => string> = {
  mug: (c) => `
    <path d="M268 190h18a38 38 0 0 1 0 76h-18" fill="none" stroke="${c.ink}" stroke-width="18"/>
    <path d="M128 168h148v132a34 34 0 0 1-34 34h-80a34 34 0 0 1-34-34z" fill="${c.ink}"/>
    <ellipse cx="202" cy="168" rx="74" ry="14" fill="${c.mid}"/>
    <path d="M150 196v96" stroke="${c.light}" stroke-width="10" stroke-linecap="round" opacity=".35"/>`,
  tote: (c) => `
    <path d="M160 170c0-64 80-64 80 0" fill="none" stroke="${c.ink}" stroke-width="12"/>
    <path d="M180 170c0-40 40-40 40 0" fill="none" stroke="${c.mid}" stroke-width="8"/>
    <path d="M116 168h168l14 168H102z" fill="${c.ink}"/>
    <rect x="170" y="220" width="60" height="44" rx="6" fill="${c.light}" opacity=".85"/>`,
  tee: (c) => `
    <path d="M158 112l-74 40 26 58 30-14v150h120V196l30 14 26-58-74-40c-8 22-26 34-42 34s-34-12-42-34z" fill="${c.ink}"/>
    <path d="M158 112c8 22 26 34 42 34s34-12 42-34" fill="none" stroke="${c.mid}" stroke-width="8"/>
    <path d="M150 250h100" stroke="${c.light}" stroke-width="6" opacity=".3"/>`,
  candle: (c) => `
    <path d="M200 104c22 26 16 46 0 52-16-6-22-26 0-52z" fill="${c.accent}"/>
    <path d="M200 128c8 10 6 20 0 24-6-4-8-14 0-24z" fill="#fff7d6"/>
    <rect x="196" y="150" width="8" height="24" fill="${c.ink}"/>
    <rect x="132" y="170" width="136" height="166" rx="22" fill="${c.ink}"/>
    <rect x="150" y="226" width="100" height="60" rx="4" fill="${c.light}"/>
    <path d="M170 248h60M178 264h44" stroke="${c.ink}" stroke-width="5" opacity=".6"/>`,
  notebook: (c) => `
    <g transform="rotate(-6 200 220)">
      <rect x="124" y="106" width="160" height="224" rx="10" fill="${c.ink}"/>
      <rect x="124" y="106" width="22" height="224" rx="6" fill="${c.mid}"/>
      <rect x="250" y="106" width="10" height="224" fill="${c.accent}"/>
      <rect x="168" y="150" width="84" height="36" rx="4" fill="${c.light}" opacity=".9"/>
    </g>`,
  planter: (c) => `
    <path d="M200 190c-10-44-46-70-78-66 6 40 40 64 78 66z" fill="${c.accent}"/>
    <path d="M202 190c8-52 44-82 82-80-4 46-42 76-82 80z" fill="${c.accent}" opacity=".85"/>
    <path d="M200 194c-2-40 4-70 16-96" stroke="${c.accent}" stroke-width="6" fill="none"/>
    <rect x="128" y="186" width="144" height="32" rx="6" fill="${c.mid}"/>
    <path d="M140 218h120l-16 118h-88z" fill="${c.ink}"/>`,
  bottle: (c) => `
    <rect x="178" y="88" width="44" height="34" rx="8" fill="${c.mid}"/>
    <rect x="186" y="118" width="28" height="18" fill="${c.ink}"/>
    <rect x="150" y="132" width="100" height="210" rx="40" fill="${c.ink}"/>
    <rect x="150" y="200" width="100" height="54" fill="${c.light}" opacity=".9"/>
    <path d="M170 150v170" stroke="${c.light}" stroke-width="8" stroke-linecap="round" opacity=".3"/>`,
  beanie: (c) => `
    <circle cx="200" cy="108" r="24" fill="${c.mid}"/>
    <path d="M110 246c0-72 40-118 90-118s90 46 90 118z" fill="${c.ink}"/>
    <path d="M150 150v90M180 134v106M220 134v106M250 150v90" stroke="${c.mid}" stroke-width="6" opacity=".5"/>
    <rect x="100" y="240" width="200" height="62" rx="14" fill="${c.mid}"/>
    <path d="M120 256v30M145 256v30M170 256v30M195 256v30M220 256v30M245 256v30M270 256v30" stroke="${c.ink}" stroke-width="6" opacity=".35"/>`,
  box: (c) => `
    <path d="M200 110l100 46v116l-100 46-100-46V156z" fill="${c.ink}"/>
    <path d="M100 156l100 46 100-46M200 202v116" fill="none" stroke="${c.mid}" stroke-width="8"/>`,
};

export const PLACEHOLDER_KINDS = Object.keys(SHAPES);

const cache = new Map<string, string>();

/** SVG for `<kind>-<hue>`; unknown kinds draw a parcel. Pure function of its arguments. */
export function placeholderSvg(kind: string, hue: number): string {
  const key = `${kind}:${hue}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const h = Math.round(((hue % 360) + 360) % 360);
  const palette: Palette = {
    ink: `hsl(${h} 38% 38%)`,
    mid: `hsl(${h} 34% 56%)`,
    light: `hsl(${h} 60% 94%)`,
    accent: `hsl(${(h + 140) % 360} 42% 46%)`,
  };
  const shape = (SHAPES[kind] ?? SHAPES.box!)(palette);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="800" height="800" role="img">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${h} 55% 93%)"/><stop offset="1" stop-color="hsl(${h} 42% 84%)"/></linearGradient></defs>
  <rect width="400" height="400" fill="url(#g)"/>
  <ellipse cx="200" cy="344" rx="118" ry="14" fill="hsl(${h} 30% 40%)" opacity=".14"/>${shape}
</svg>`;
  if (cache.size < 2000) cache.set(key, svg);
  return svg;
}

/** `placeholder:<kind>:<hue>` → the path of its SVG below a store's base path. */
export function placeholderPath(url: string): string | undefined {
  const match = /^placeholder:([a-z]{1,20}):(\d{1,3})$/.exec(url);
  return match ? `/assets/placeholder/${match[1]}-${match[2]}.svg` : undefined;
}

/** A monogram icon: the store's first letter on its primary color. */
export function faviconSvg(storeName: string, color: string): string {
  const letter = escapeXml((storeName.trim()[0] ?? 'S').toUpperCase());
  const fill = /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#111111';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${fill}"/><text x="32" y="44" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="36" font-weight="700" fill="#fff">${letter}</text></svg>`;
}

const escapeXml = (value: string) => value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
