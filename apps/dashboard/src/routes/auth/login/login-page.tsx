import { Alert } from '@orbit360/ui';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthLayout } from '../../../components/auth-layout.js';
import { recallEmail, rememberEmail } from '../../../lib/login-hints.js';
import { takeSignOutReason, useSession } from '../../../lib/session-store.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { LoginForm } from './login-form.js';

/** Only same-app paths may be returned to after signing in. */
function safeNext(value: string | null) {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const merchant = params.get('merchant');
  const next = safeNext(params.get('next'));
  const [reason] = useState(takeSignOutReason);
  const defaultEmail = params.get('email') ?? recallEmail(merchant);
  const target = merchant ? `${next}?merchant=${encodeURIComponent(merchant)}` : next;
  useDocumentTitle('Sign in');

  if (session) return <Navigate to={target} replace />;

  return (
    <AuthLayout
      title="Sign in to your store"
      description="Manage your Orbit360 store, its website and its settings."
      footer={
        <>
          First time here? Use the link in your welcome email to set a password.{' '}
          <Link className="font-medium text-brand-700 hover:underline" to="/forgot-password">
            Forgot your password?
          </Link>
          <span className="mt-3 block">
            New to Orbit360?{' '}
            <Link className="font-medium text-brand-700 hover:underline" to="/apply">
              Open your store
            </Link>
          </span>
        </>
      }
    >
      <div className="space-y-4">
        {reason === 'expired' && (
          <Alert tone="warning" title="Your session has ended">
            For your security you were signed out. Please sign in again.
          </Alert>
        )}
        {merchant && (
          <p
            className="rounded-lg border border-border bg-gray-50 px-3 py-2 text-xs text-fg-muted"
            data-testid="merchant-hint"
          >
            Signing in for store workspace <span className="font-mono text-fg">{merchant}</span>.
            Your account decides which store you see.
          </p>
        )}
        <LoginForm
          defaultEmail={defaultEmail}
          onSuccess={({ email, merchantId }) => {
            rememberEmail([merchantId], email);
            navigate(target, { replace: true });
          }}
        />
      </div>
    </AuthLayout>
  );
}
