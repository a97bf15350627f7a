import { Slot } from '@radix-ui/react-slot';
import { Menu, X } from 'lucide-react';
import { useState, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { cn } from '../cn.js';

export interface AppShellProps {
  /** Logo / product name at the top of the sidebar. */
  brand: ReactNode;
  /** Sidebar content: SidebarSection / SidebarLink elements. */
  sidebar: ReactNode;
  /** Bottom of the sidebar, e.g. the signed-in user and a sign-out button. */
  sidebarFooter?: ReactNode;
  /** Right side of the top bar (search, status, user menu). */
  topbar?: ReactNode;
  children: ReactNode;
}

/**
 * The application frame: a fixed sidebar on large screens, a drawer behind a menu button on
 * small ones, and a scrolling main area with a skip link for keyboard users.
 */
export function AppShell({ brand, sidebar, sidebarFooter, topbar, children }: AppShellProps) {
  const [open, setOpen] = useState(false);
  const nav = (
    <div className="flex h-full flex-col">
      <div className="flex h-16 shrink-0 items-center px-5">{brand}</div>
      <nav
        aria-label="Main"
        className="flex-1 space-y-6 overflow-y-auto px-3 py-2"
        // Following a link closes the mobile drawer.
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a')) setOpen(false);
        }}
      >
        {sidebar}
      </nav>
      {sidebarFooter && <div className="shrink-0 border-t border-border p-3">{sidebarFooter}</div>}
    </div>
  );
  return (
    <div className="min-h-dvh bg-canvas">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-surface px-3 py-2 shadow-pop focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 border-r border-border bg-surface lg:block">
        {nav}
      </aside>
      {open && (
        <div
          className="fixed inset-0 z-40 lg:hidden"
          role="dialog"
          aria-modal="true"
          aria-label="Navigation"
        >
          <div
            className="absolute inset-0 animate-fade-in bg-gray-950/40"
            onClick={() => setOpen(false)}
          />
          <aside className="absolute inset-y-0 left-0 w-72 max-w-[85vw] animate-slide-in border-r border-border bg-surface shadow-pop">
            <button
              type="button"
              aria-label="Close navigation"
              onClick={() => setOpen(false)}
              className="absolute top-4 right-3 flex size-8 items-center justify-center rounded-md text-fg-muted hover:bg-gray-100"
            >
              <X className="size-4" />
            </button>
            {nav}
          </aside>
        </div>
      )}
      <div className="lg:pl-64">
        <div className="sticky top-0 z-20 flex h-16 items-center gap-3 border-b border-border bg-surface/85 px-4 backdrop-blur sm:px-6 lg:px-8">
          <button
            type="button"
            aria-label="Open navigation"
            onClick={() => setOpen(true)}
            className="-ml-1 flex size-9 items-center justify-center rounded-md text-fg-muted hover:bg-gray-100 lg:hidden"
          >
            <Menu className="size-5" />
          </button>
          <div className="flex min-w-0 flex-1 items-center justify-end gap-3">{topbar}</div>
        </div>
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8"
        >
          {children}
        </main>
      </div>
    </div>
  );
}

export function SidebarSection({ title, children }: { title?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      {title && (
        <p className="px-3 pb-1 text-[11px] font-semibold tracking-wider text-fg-subtle uppercase">
          {title}
        </p>
      )}
      {children}
    </div>
  );
}

export interface SidebarLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  /** Render the child (e.g. a router NavLink); it gets the styles. Active = aria-current="page". */
  asChild?: boolean;
}

export function sidebarLinkClasses(className?: string) {
  return cn(
    'flex h-9 items-center gap-3 rounded-lg px-3 text-sm font-medium text-fg-muted transition-colors',
    'hover:bg-gray-100 hover:text-fg [&_svg]:size-4 [&_svg]:shrink-0',
    'aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700',
    className,
  );
}

export function SidebarLink({ asChild, className, ...props }: SidebarLinkProps) {
  const Comp = asChild ? Slot : 'a';
  return <Comp className={sidebarLinkClasses(className)} {...props} />;
}
