import { EmptyState, ToastProvider, buttonClasses, type RuntimeConfig } from '@orbit360/ui';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Compass } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AdminLayout } from './layout/admin-layout.js';
import { ApiProvider } from './lib/api.js';
import { createQueryClient } from './lib/query-client.js';
import { RealtimeProvider } from './lib/realtime.js';
import { RuntimeProvider } from './lib/runtime.js';
import { SessionProvider, useSession } from './lib/session.js';
import { AuditLogPage } from './routes/audit/list/audit-log-page.js';
import { LoginPage } from './routes/auth/login/login-page.js';
import { EmailLogPage } from './routes/emails/list/email-log-page.js';
import { MerchantDetailPage } from './routes/merchants/detail/merchant-detail-page.js';
import { MerchantsPage } from './routes/merchants/list/merchants-page.js';
import { PlansPage } from './routes/plans/list/plans-page.js';
import { ThemesPage } from './routes/themes/list/themes-page.js';

function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

function NotFound() {
  return (
    <EmptyState
      icon={<Compass />}
      title="Page not found"
      description="The page you are looking for does not exist or has moved."
      action={
        <Link to="/merchants" className={buttonClasses('outline')}>
          Go to merchants
        </Link>
      }
    />
  );
}

export function App({ config }: { config: RuntimeConfig }) {
  const [queryClient] = useState<QueryClient>(createQueryClient);
  return (
    <RuntimeProvider config={config}>
      <SessionProvider>
        <QueryClientProvider client={queryClient}>
          <ApiProvider>
            <ToastProvider>
              <BrowserRouter>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    element={
                      <RequireSession>
                        <RealtimeProvider>
                          <AdminLayout />
                        </RealtimeProvider>
                      </RequireSession>
                    }
                  >
                    <Route index element={<Navigate to="/merchants" replace />} />
                    <Route path="merchants" element={<MerchantsPage />} />
                    <Route path="merchants/:id" element={<MerchantDetailPage />} />
                    <Route path="themes" element={<ThemesPage />} />
                    <Route path="plans" element={<PlansPage />} />
                    <Route path="emails" element={<EmailLogPage />} />
                    <Route path="audit" element={<AuditLogPage />} />
                    <Route path="*" element={<NotFound />} />
                  </Route>
                </Routes>
              </BrowserRouter>
            </ToastProvider>
          </ApiProvider>
        </QueryClientProvider>
      </SessionProvider>
    </RuntimeProvider>
  );
}
