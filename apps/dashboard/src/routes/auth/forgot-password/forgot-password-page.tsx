import { Alert, Button, Field, Input } from '@orbit360/ui';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { AuthLayout } from '../../../components/auth-layout.js';
import { useRequestPasswordReset } from '../../../hooks/api/auth.js';
import { isApiError } from '../../../lib/api-client.js';
import { emailAddressError } from '../../../lib/email-address.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';

/**
 * "Forgot your password?" — also the way to a new link when the welcome email's has expired.
 * The confirmation reads the same whether or not the address has an account.
 */
export function ForgotPasswordPage() {
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [error, setError] = useState<string>();
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string>();
  useDocumentTitle(sentTo ? 'Check your email' : 'Reset your password');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const problem = emailAddressError(address);
    setError(problem);
    if (problem) return;
    request.mutate(address, { onSuccess: () => setSentTo(address) });
  };

  const signIn = (
    <Link className="font-medium text-brand-700 hover:underline" to="/login">
      Back to sign in
    </Link>
  );

  if (sentTo) {
    return (
      <AuthLayout title="Check your email" footer={signIn}>
        <div className="space-y-4" data-testid="reset-sent">
          <Alert tone="success">
            If <span className="font-medium">{sentTo}</span> belongs to a store owner, we have sent
            a link to choose a new password. It works once, within an hour.
          </Alert>
          <p className="text-sm text-fg-muted">
            Nothing arrived after a few minutes? Check your spam folder, then ask again — one email
            a minute at most.
          </p>
        </div>
      </AuthLayout>
    );
  }

  const serverError = isApiError(request.error) ? request.error.field('email') : undefined;
  const failure =
    request.error && !serverError
      ? 'We could not send the link just now. Please try again in a moment.'
      : undefined;
  return (
    <AuthLayout
      title="Reset your password"
      description="Enter the email address of your store account and we will send you a link to choose a new password."
      footer={signIn}
    >
      <form noValidate onSubmit={submit} className="space-y-4" aria-label="Reset your password">
        {failure && (
          <Alert tone="danger" title="Something went wrong">
            {failure}
          </Alert>
        )}
        <Field label="Email" error={error ?? serverError} required>
          <Input
            type="email"
            name="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="you@store.com"
          />
        </Field>
        <Button type="submit" size="lg" className="w-full" loading={request.isPending}>
          Send me a link
        </Button>
      </form>
    </AuthLayout>
  );
}
