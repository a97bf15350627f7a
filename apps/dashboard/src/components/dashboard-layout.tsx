/**
 * The signed-in frame: navigation, the account menu, and the one realtime connection of the
 * session (`hooks/realtime-sync.ts`: every event of this tenant refreshes the data it may have
 * changed).
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  AppShell,
  Avatar,
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  SidebarLink,
  SidebarSection,
} from '@orbit360/ui';
import {
  ChevronDown,
  ExternalLink,
  LayoutDashboard,
  Layers,
  LogOut,
  Package,
  Settings,
} from 'lucide-react';
import { NavLink, Outlet } from 'react-router-dom';
import { useOverview } from '../hooks/api/overview.js';
import { useRealtimeSync } from '../hooks/realtime-sync.js';
import { endSession } from '../lib/api-client.js';
import { useSession, type MerchantSession } from '../lib/session-store.js';
import { Brand } from './brand.js';
import { LiveIndicator } from './live-indicator.js';

export function DashboardLayout() {
  const session = useSession();
  return session ? <SignedInLayout session={session} /> : null;
}

function SignedInLayout({ session }: { session: MerchantSession }) {
  const queryClient = useQueryClient();
  const overview = useOverview(session.merchant.tenantId);
  const status = useRealtimeSync(session.token);
  const websiteUrl = overview.data?.store.websiteUrl;
  const email = overview.data?.account.email ?? session.email ?? '';
  const displayName = overview.data?.account.name || email || 'Your account';

  const logout = () => {
    endSession();
    queryClient.clear();
  };

  return (
    <AppShell
      brand={<Brand />}
      sidebar={
        <>
          <SidebarSection title="Store">
            <SidebarLink asChild>
              <NavLink to="/" end>
                <LayoutDashboard /> Overview
              </NavLink>
            </SidebarLink>
            <SidebarLink asChild>
              <NavLink to="/products">
                <Package /> Products
              </NavLink>
            </SidebarLink>
            <SidebarLink asChild>
              <NavLink to="/collections">
                <Layers /> Collections
              </NavLink>
            </SidebarLink>
            <SidebarLink asChild>
              <NavLink to="/settings">
                <Settings /> Settings
              </NavLink>
            </SidebarLink>
            {websiteUrl && (
              <SidebarLink href={websiteUrl} target="_blank" rel="noopener noreferrer">
                <ExternalLink /> View website
              </SidebarLink>
            )}
          </SidebarSection>
        </>
      }
      sidebarFooter={
        <Button variant="ghost" className="w-full justify-start" onClick={logout}>
          <LogOut /> Sign out
        </Button>
      }
      topbar={
        <>
          <LiveIndicator status={status} />
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <button
                type="button"
                aria-label="Account menu"
                className="flex items-center gap-2 rounded-lg px-1.5 py-1 text-sm hover:bg-gray-100"
              >
                <Avatar name={displayName} size="sm" />
                <span className="hidden max-w-48 truncate font-medium text-fg sm:inline">
                  {displayName}
                </span>
                <ChevronDown aria-hidden className="size-4 text-fg-subtle" />
              </button>
            </DropdownMenuTrigger>
            <DropdownMenuContent>
              <div className="px-2.5 py-2 text-xs text-fg-muted">
                Signed in as
                <div className="truncate font-medium text-fg">{email || '—'}</div>
              </div>
              <DropdownMenuSeparator />
              <DropdownMenuItem tone="danger" onSelect={logout}>
                <LogOut /> Sign out
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}
