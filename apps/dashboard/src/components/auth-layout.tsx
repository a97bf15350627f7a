import type { ReactNode } from 'react';
import { Card } from '@orbit360/ui';
import { Brand } from './brand.js';

/** The frame of the signed-out screens: brand, one centred card, a quiet footer. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col bg-canvas bg-[radial-gradient(60rem_30rem_at_50%_-10%,var(--color-brand-100),transparent)]">
      <main className="flex flex-1 flex-col items-center justify-center px-4 py-12">
        <Brand className="mb-8" />
        <Card className="w-full max-w-md animate-slide-in p-6 sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight text-fg">{title}</h1>
          {description && <p className="mt-1.5 text-sm text-fg-muted">{description}</p>}
          <div className="mt-6">{children}</div>
        </Card>
        {footer && <div className="mt-6 text-center text-sm text-fg-muted">{footer}</div>}
      </main>
      <footer className="pb-6 text-center text-xs text-fg-subtle">
        © Orbit360 · Your store, in orbit
      </footer>
    </div>
  );
}
