/**
 * Pages the platform itself serves on storefront addresses, outside any theme: unknown store,
 * coming soon, unavailable (suspended) and a failing theme. Their one inline stylesheet is
 * allowed by its hash in the CSP, so no 'unsafe-inline' is needed.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../../platform/html.js';

const STYLE = `*{box-sizing:border-box}html,body{height:100%}body{margin:0;display:grid;place-items:center;padding:24px;font:16px/1.6 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#0f172a;background:radial-gradient(1200px 600px at 10% -10%,#e0e7ff 0,transparent 60%),radial-gradient(900px 500px at 110% 110%,#fef3c7 0,transparent 55%),#f8fafc}main{max-width:560px;text-align:center}.badge{display:inline-block;padding:4px 12px;border-radius:999px;background:#0f172a;color:#fff;font-size:12px;letter-spacing:.08em;text-transform:uppercase}h1{margin:20px 0 8px;font-size:clamp(28px,5vw,40px);line-height:1.15;letter-spacing:-.02em}p{margin:0 auto 8px;color:#475569}.code{font-size:96px;font-weight:800;line-height:1;letter-spacing:-.04em;background:linear-gradient(135deg,#4f46e5,#f59e0b);-webkit-background-clip:text;background-clip:text;color:transparent}footer{margin-top:40px;font-size:13px;color:#94a3b8}footer b{color:#64748b}`;

export const SYSTEM_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function page(options: {
  title: string;
  badge: string;
  heading: string;
  body: string;
  code?: string;
}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(options.title)}</title><style>${STYLE}</style></head>
<body><main>${options.code ? `<div class="code">${options.code}</div>` : ''}<span class="badge">${escapeHtml(options.badge)}</span>
<h1>${escapeHtml(options.heading)}</h1><p>${escapeHtml(options.body)}</p>
<footer>Powered by <b>Orbit360</b></footer></main></body></html>`;
}

export const unknownStorePage = () =>
  page({
    title: 'Store not found · Orbit360',
    code: '404',
    badge: 'Not found',
    heading: 'There is no store at this address',
    body: 'Check the spelling of the address, or ask the store owner for the right link.',
  });

export const comingSoonPage = (storeName: string) =>
  page({
    title: `${storeName} · Coming soon`,
    badge: 'Coming soon',
    heading: `${storeName} is opening soon`,
    body: 'The shop is being set up right now. Please check back in a little while.',
  });

export const unavailablePage = (storeName: string) =>
  page({
    title: `${storeName} · Unavailable`,
    badge: 'Unavailable',
    heading: `${storeName} is currently unavailable`,
    body: 'This shop is not accepting visitors at the moment. Please try again later.',
  });

export const brokenThemePage = (storeName: string) =>
  page({
    title: `${storeName} · Temporarily unavailable`,
    badge: 'Temporarily unavailable',
    heading: 'We will be right back',
    body: `${storeName} cannot be displayed right now. Please try again in a few minutes.`,
  });
