/**
 * The platform's front door at `/` on the API origin: what Orbit360 is and where each part
 * lives (apply, merchant dashboard, admin panel, API docs, health). Server-rendered once per
 * configuration: every interpolated value is escaped, there is no script, and the one inline
 * style sheet is allowed by its hash in the page's Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../platform/html.js';

export interface LandingPage {
  html: string;
  contentSecurityPolicy: string;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;min-height:100dvh;display:flex;flex-direction:column;background:#f7f8fb radial-gradient(60rem 30rem at 50% -10%,#e0e7ff,transparent) no-repeat;color:#101828;font:15px/1.55 Inter,ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;-webkit-font-smoothing:antialiased}
a{color:inherit;text-decoration:none}
main{flex:1;width:100%;max-width:64rem;margin:0 auto;padding:3rem 1.25rem 2rem}
.brand{display:flex;align-items:center;gap:.625rem}
.brand svg{width:2rem;height:2rem}
.brand b{display:block;font-size:15px;letter-spacing:-.01em}
.brand small{display:block;font-size:11px;font-weight:500;letter-spacing:.06em;text-transform:uppercase;color:#667085}
.hero{margin:3.5rem 0 2.5rem;max-width:40rem}
h1{margin:0;font-size:2.25rem;line-height:1.15;letter-spacing:-.025em}
.lead{margin:1rem 0 0;font-size:1.0625rem;color:#475467}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.75rem}
.button{display:inline-flex;align-items:center;height:2.75rem;padding:0 1.125rem;border-radius:.5rem;font-weight:600;font-size:.9375rem;border:1px solid #d0d5dd;background:#fff;box-shadow:0 1px 2px rgb(16 24 40/.05)}
.button.primary{background:#4f46e5;border-color:#4f46e5;color:#fff}
.button.primary:hover{background:#4338ca}
.button:not(.primary):hover{background:#f9fafb}
.button:focus-visible,.card:focus-visible{outline:none;box-shadow:0 0 0 4px #c7d2fe}
.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
.card{display:flex;flex-direction:column;gap:.375rem;padding:1.25rem;border:1px solid #e4e7ec;border-radius:.875rem;background:#fff;box-shadow:0 1px 2px rgb(16 24 40/.05);transition:border-color .15s,box-shadow .15s}
.card:hover{border-color:#a5b4fc;box-shadow:0 12px 32px -8px rgb(16 24 40/.12)}
.card h2{margin:0;font-size:.9375rem}
.card p{margin:0;font-size:.875rem;color:#475467}
.card .go{margin-top:auto;padding-top:.5rem;font-size:.8125rem;font-weight:600;color:#4338ca}
.kicker{margin:2.75rem 0 .875rem;font-size:.75rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:#667085}
ol.steps{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
ol.steps li{display:flex;gap:.75rem;font-size:.875rem;color:#475467}
ol.steps span{flex:none;display:flex;align-items:center;justify-content:center;width:1.75rem;height:1.75rem;border-radius:999px;background:#eef2ff;color:#4338ca;font-weight:600;font-size:.8125rem}
ol.steps strong{display:block;color:#101828}
code{font:.8125rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f2f4f7;padding:.1rem .35rem;border-radius:.3rem}
footer{padding:1.5rem;text-align:center;font-size:.75rem;color:#667085}
`;

/** The logo mark, also served as the page's icon (`/favicon.svg`). */
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#4f46e5"/><circle cx="16" cy="16" r="7" fill="none" stroke="#fff" stroke-width="3"/><circle cx="23" cy="9" r="3" fill="#c7d2fe"/></svg>`;
const LOGO = `<svg viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="8" fill="#4f46e5"/><circle cx="16" cy="16" r="7" fill="none" stroke="#fff" stroke-width="3"/><circle cx="23" cy="9" r="3" fill="#c7d2fe"/></svg>`;

function card(input: { href: string; title: string; text: string; go: string; id: string }) {
  return `<a class="card" href="${escapeHtml(input.href)}" data-link="${escapeHtml(input.id)}">
<h2>${escapeHtml(input.title)}</h2><p>${escapeHtml(input.text)}</p><span class="go">${escapeHtml(input.go)} →</span></a>`;
}

export function renderLandingPage(input: {
  adminUrl: string;
  dashboardUrl: string;
  platformDomain: string;
}): LandingPage {
  const applyUrl = `${input.dashboardUrl}/apply`;
  const storeHost = `your-store.${input.platformDomain}`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Orbit360 · Open your online store</title>
<meta name="description" content="Orbit360 gives every merchant a store website, a dashboard and a platform team behind it.">
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<style>${STYLE}</style></head>
<body><main>
<span class="brand">${LOGO}<span><b>Orbit360</b><small>Commerce platform</small></span></span>
<section class="hero">
<h1>Your store, in orbit.</h1>
<p class="lead">Apply once: the platform team activates your store, and minutes later you have a themed website, a merchant dashboard and a welcome email to sign in with.</p>
<div class="actions">
<a class="button primary" href="${escapeHtml(applyUrl)}" data-link="apply">Open your store</a>
<a class="button" href="${escapeHtml(`${input.dashboardUrl}/login`)}" data-link="sign-in">Merchant sign in</a>
</div></section>
<div class="grid">
${card({ id: 'dashboard', href: `${input.dashboardUrl}/login`, title: 'Merchant dashboard', text: 'Run your store: products, pages, theme and settings.', go: 'Sign in' })}
${card({ id: 'admin', href: input.adminUrl, title: 'Admin panel', text: 'For the platform team: review applications, activate and follow stores live.', go: 'Open the admin panel' })}
${card({ id: 'docs', href: '/docs', title: 'API documentation', text: 'Every endpoint with its schema, generated from the server itself.', go: 'Read the docs' })}
${card({ id: 'health', href: '/healthz', title: 'Health', text: 'Liveness of this instance and its database, for monitors and load balancers.', go: 'Check health' })}
</div>
<p class="kicker">How it works</p>
<ol class="steps">
<li><span>1</span><div><strong>Apply</strong>Store name, what you sell, where you are.</div></li>
<li><span>2</span><div><strong>Activation</strong>The platform team picks your plan and theme.</div></li>
<li><span>3</span><div><strong>Live</strong>Your website answers at <code>${escapeHtml(storeHost)}</code>.</div></li>
</ol>
</main>
<footer>© Orbit360 · Your store, in orbit</footer>
</body></html>`;
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  const contentSecurityPolicy = [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
