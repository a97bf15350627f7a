import {
  AppShell,
  Avatar,
  Badge,
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
  SidebarLink,
  SidebarSection,
} from '@orbit360/ui';
import { ChevronsUpDown, LogOut, Mail, Palette, ScrollText, Store, Tags } from 'lucide-react';
import { NavLink, Outlet } from 'react-router-dom';
import { useRealtimeStatus } from '../lib/realtime.js';
import { useSignOut } from '../lib/api.js';
import { useAdmin } from '../lib/session.js';
import { useMerchants } from '../hooks/api/merchants.js';
import { useRealtimeSync } from '../hooks/realtime-sync.js';
import { Logo } from './logo.js';

function LiveIndicator() {
  const status = useRealtimeStatus();
  if (status === 'open')
    return (
      <Badge tone="green" dot="pulse" data-testid="realtime-status" title="Receiving live updates">
        Live
      </Badge>
    );
  return (
    <Badge
      tone="yellow"
      dot
      data-testid="realtime-status"
      title="Live updates paused; refreshing periodically"
    >
      {status === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
    </Badge>
  );
}

function UserMenu() {
  const admin = useAdmin();
  const signOut = useSignOut();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="h-10 gap-2.5 px-2" aria-label={`Account: ${admin.name}`}>
          <Avatar name={admin.name} size="sm" />
          <span className="hidden text-left sm:block">
            <span className="block text-sm leading-4 font-medium text-fg">{admin.name}</span>
            <span className="block text-xs leading-4 text-fg-subtle">
              {admin.role.replace('_', ' ')}
            </span>
          </span>
          <ChevronsUpDown className="text-fg-subtle" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <div className="px-2.5 py-2">
          <p className="text-sm font-medium text-fg">{admin.name}</p>
          <p className="truncate text-xs text-fg-subtle">{admin.email}</p>
        </div>
        <DropdownMenuItem onSelect={() => signOut()}>
          <LogOut /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function PendingCount() {
  const { data } = useMerchants({ status: 'pending', page: 1, pageSize: 1 });
  const pending = data?.counts.pending ?? 0;
  if (!pending) return null;
  return (
    <span className="ml-auto rounded-full bg-brand-100 px-2 py-0.5 text-[11px] font-semibold text-brand-700 tabular-nums">
      {pending}
    </span>
  );
}

export function AdminLayout() {
  useRealtimeSync();
  const signOut = useSignOut();
  return (
    <AppShell
      brand={<Logo />}
      sidebar={
        <>
          <SidebarSection title="Operations">
            <SidebarLink asChild>
              <NavLink to="/merchants">
                <Store /> Merchants <PendingCount />
              </NavLink>
            </SidebarLink>
          </SidebarSection>
          <SidebarSection title="Catalog">
            <SidebarLink asChild>
              <NavLink to="/themes">
                <Palette /> Themes
              </NavLink>
            </SidebarLink>
            <SidebarLink asChild>
              <NavLink to="/plans">
                <Tags /> Plans
              </NavLink>
            </SidebarLink>
          </SidebarSection>
          <SidebarSection title="Logs">
            <SidebarLink asChild>
              <NavLink to="/emails">
                <Mail /> Email log
              </NavLink>
            </SidebarLink>
            <SidebarLink asChild>
              <NavLink to="/audit">
                <ScrollText /> Audit log
              </NavLink>
            </SidebarLink>
          </SidebarSection>
        </>
      }
      sidebarFooter={
        <Button variant="ghost" className="w-full justify-start" onClick={() => signOut()}>
          <LogOut /> Sign out
        </Button>
      }
      topbar={
        <>
          <LiveIndicator />
          <UserMenu />
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}
