/**
 * The engine's base stylesheet (ADR 013): what every theme would otherwise repeat — reset,
 * box-sizing, a typography and spacing scale, form controls, buttons, images, visually-hidden,
 * the skip link and a few layout utilities. `content_for_header` links it before the theme's
 * own CSS, so a theme only writes its layout and overrides: any theme rule of the same
 * specificity wins. Served as the store asset `/assets/base.css?v=<theme asset version>`; the
 * version includes this file's hash (theme-registry.ts), so a deploy that changes it changes
 * every URL and the file is cached `immutable` like the theme's own.
 *
 * Rules stay neutral on purpose: no heading sizes, weights or line-heights, no list or
 * placeholder styling — a theme that never asked for them must look the same with this sheet.
 */

export const BASE_STYLESHEET = `/* Orbit360 storefront base — provided by the engine, linked before the theme's CSS. */
:root {
  --text-xs: 0.75rem;
  --text-sm: 0.875rem;
  --text-base: 1rem;
  --text-lg: 1.125rem;
  --text-xl: 1.25rem;
  --text-2xl: 1.5rem;
  --text-3xl: 1.875rem;
  --text-4xl: 2.25rem;
  --text-5xl: 3rem;
  --leading-tight: 1.15;
  --leading-normal: 1.6;
  --space-1: 4px;
  --space-2: 8px;
  --space-3: 12px;
  --space-4: 16px;
  --space-6: 24px;
  --space-8: 32px;
  --space-12: 48px;
  --space-16: 64px;
}
*,
*::before,
*::after {
  box-sizing: border-box;
}
html {
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body {
  margin: 0;
  min-height: 100vh;
  display: flex;
  flex-direction: column;
  font-family: var(--font-body, system-ui, sans-serif);
  line-height: var(--leading-normal);
  color: var(--color-text, #111111);
  background: var(--color-background, #ffffff);
}
main {
  flex: 1 0 auto;
}
h1,
h2,
h3,
h4,
h5,
h6 {
  margin: 0;
  font-family: var(--font-heading, inherit);
}
p {
  margin: 0;
}
a {
  color: inherit;
}
img,
picture,
video,
canvas,
svg {
  display: block;
  max-width: 100%;
}
img,
video {
  height: auto;
}
[hidden] {
  display: none !important;
}
:focus-visible {
  outline: 2px solid var(--color-accent, currentColor);
  outline-offset: 2px;
}

/* Form controls take the page's type instead of the browser's. */
button,
input,
select,
textarea {
  font: inherit;
  color: inherit;
}
button {
  cursor: pointer;
}
button:disabled {
  cursor: not-allowed;
}

/* Buttons: behaviour only; every theme draws its own. */
.button {
  display: inline-block;
  text-align: center;
  text-decoration: none;
  cursor: pointer;
}
.button--block {
  display: block;
  width: 100%;
}
.button--disabled,
.button[aria-disabled='true'] {
  cursor: not-allowed;
}

/* Variant picker (option values are links to ?variant=<id>) */
.variant-picker__option {
  margin: 0 0 1rem;
}
.variant-picker__name {
  margin: 0 0 0.4rem;
  font-weight: 600;
}
.variant-picker__values {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
}
.variant-picker__value {
  padding: 0.4rem 0.9rem;
  border: 1px solid currentColor;
  border-radius: 0.25rem;
  color: inherit;
  text-decoration: none;
  opacity: 0.75;
}
.variant-picker__value[aria-current='true'] {
  opacity: 1;
  outline: 2px solid currentColor;
  outline-offset: 1px;
}
.variant-picker__value.is-unavailable {
  text-decoration: line-through;
}
.variant-picker__selected {
  margin: 0 0 1rem;
}

/* Accessibility */
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
.skip-link {
  position: absolute;
  left: -9999px;
}
.skip-link:focus {
  left: 16px;
  top: 16px;
  z-index: 100;
  padding: 8px 16px;
  background: var(--color-background, #ffffff);
  color: var(--color-text, #111111);
}

/* Layout basics */
.container {
  width: min(1200px, 100% - 48px);
  margin-inline: auto;
}
.grid {
  display: grid;
  gap: var(--grid-gap, var(--space-6));
  grid-template-columns: minmax(0, 1fr);
}
@media (min-width: 750px) {
  .grid--2 {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .grid--3 {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .grid--4 {
    grid-template-columns: repeat(4, minmax(0, 1fr));
  }
}
.stack > * + * {
  margin-top: var(--stack-gap, var(--space-4));
}
.cluster {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: var(--cluster-gap, var(--space-3));
}
.text-center {
  text-align: center;
}
.rte p + p {
  margin-top: 1em;
}
`;

/** The store asset path the engine serves the base stylesheet at (reserved for it). */
export const BASE_STYLESHEET_FILE = 'base.css';
