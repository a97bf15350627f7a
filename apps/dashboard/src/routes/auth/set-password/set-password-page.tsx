import { Alert, Button, useToast } from '@orbit360/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthLayout } from '../../../components/auth-layout.js';
import { useSession } from '../../../lib/session-store.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { SetPasswordForm } from './set-password-form.js';
import { TOKEN_PROBLEM_TEXT, type TokenProblem } from './token-problem.js';

/**
 * Reached from the welcome or password-reset email: `/set-password?token=<one-time token>`. Setting the password
 * signs the merchant in (the API returns a session), replacing any session on this device.
 */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const session = useSession();
  const token = params.get('token')?.trim() ?? '';
  const [problem, setProblem] = useState<TokenProblem | null>(token ? null : 'missing');
  useDocumentTitle(problem ? TOKEN_PROBLEM_TEXT[problem].title : 'Set your password');

  if (problem) {
    const text = TOKEN_PROBLEM_TEXT[problem];
    return (
      <AuthLayout title={text.title}>
        <div className="space-y-5" data-testid="token-problem" data-problem={problem}>
          <Alert tone={problem === 'used' ? 'info' : 'warning'}>{text.body}</Alert>
          <Button asChild variant={problem === 'used' ? 'primary' : 'outline'} className="w-full">
            <Link to="/login">Go to sign in</Link>
          </Button>
          {problem !== 'missing' && (
            <Button asChild variant={problem === 'used' ? 'outline' : 'primary'} className="w-full">
              <Link to="/forgot-password">Email me a new link</Link>
            </Button>
          )}
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Set your password"
      description="Choose the password you will use to sign in to your store dashboard."
      footer={
        <>
          Already set one?{' '}
          <Link className="font-medium text-brand-700 hover:underline" to="/login">
            Sign in
          </Link>
        </>
      }
    >
      {session && (
        <Alert tone="info" className="mb-4">
          Someone is signed in on this device. Setting a password signs you in instead.
        </Alert>
      )}
      <SetPasswordForm
        token={token}
        onTokenProblem={setProblem}
        onSuccess={() => {
          queryClient.clear();
          toast({
            tone: 'success',
            title: 'Your password is set',
            description: 'Welcome to your store dashboard.',
          });
          navigate('/', { replace: true });
        }}
      />
    </AuthLayout>
  );
}
