import { Alert, Button, Field, Input } from '@orbit360/ui';
import { useState, type FormEvent } from 'react';
import { useMerchantLogin } from '../../../hooks/api/auth.js';
import { isApiError } from '../../../lib/api-client.js';
import { emailAddressError } from '../../../lib/email-address.js';

type Errors = Partial<Record<'email' | 'password', string>>;

function validate(email: string, password: string): Errors {
  const errors: Errors = {};
  const emailError = emailAddressError(email);
  if (emailError) errors.email = emailError;
  if (!password) errors.password = 'Enter your password';
  return errors;
}

function describeFailure(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  if (error.status === 401) return 'That email and password do not match an account.';
  if (error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
  if (error.status === 0) return error.message;
  return error.message;
}

export interface LoginFormProps {
  defaultEmail?: string;
  onSuccess(result: { email: string; merchantId: string }): void;
}

export function LoginForm({ defaultEmail = '', onSuccess }: LoginFormProps) {
  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const login = useMerchantLogin();
  const serverFields = isApiError(login.error) ? login.error.fieldErrors : {};
  const failure =
    login.error && !serverFields.email && !serverFields.password
      ? describeFailure(login.error)
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(email, password);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = { email: email.trim(), password };
    login.mutate(input, {
      onSuccess: (response) =>
        onSuccess({ email: input.email, merchantId: response.merchant.merchantId }),
    });
  };

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label="Sign in">
      {failure && (
        <Alert tone="danger" title="Could not sign you in" data-testid="login-error">
          {failure}
        </Alert>
      )}
      <Field label="Email" error={errors.email ?? serverFields.email} required>
        <Input
          type="email"
          name="email"
          autoComplete="username"
          autoFocus={!defaultEmail}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          placeholder="you@store.com"
        />
      </Field>
      <Field label="Password" error={errors.password ?? serverFields.password} required>
        <Input
          type="password"
          name="password"
          autoComplete="current-password"
          autoFocus={Boolean(defaultEmail)}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Button type="submit" size="lg" className="w-full" loading={login.isPending}>
        Sign in
      </Button>
    </form>
  );
}
