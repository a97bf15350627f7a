import type { AdminLoginResponse } from '@orbit360/contracts';
import { Alert, Button, Field, Input, isApiError } from '@orbit360/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../../lib/api.js';

interface Errors {
  email?: string;
  password?: string;
  form?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLogin(email: string, password: string): Errors {
  const errors: Errors = {};
  if (!email.trim()) errors.email = 'Enter your email address.';
  else if (!EMAIL.test(email.trim()))
    errors.email = 'Enter a valid email address, like you@company.com.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}

export interface LoginFormProps {
  onSuccess(response: AdminLoginResponse): void;
}

/** Email + password sign-in; client-side checks first, then the server's answer inline. */
export function LoginForm({ onSuccess }: LoginFormProps) {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const login = useMutation({
    mutationFn: () =>
      api.post<AdminLoginResponse>('/api/auth/admin/login', { email: email.trim(), password }),
    onSuccess,
    onError: (error) => {
      if (!isApiError(error)) return setErrors({ form: 'Something went wrong. Please try again.' });
      if (error.status === 401)
        return setErrors({ form: 'That email and password do not match an admin account.' });
      if (error.isValidation)
        return setErrors({
          email: error.field('email'),
          password: error.field('password'),
          form: error.field('email') || error.field('password') ? undefined : error.message,
        });
      setErrors({ form: error.message });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateLogin(email, password);
    setErrors(found);
    if (Object.keys(found).length === 0) login.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="Sign in">
      {errors.form && (
        <Alert tone="danger" data-testid="login-error">
          {errors.form}
        </Alert>
      )}
      <Field label="Email" error={errors.email}>
        <Input
          type="email"
          name="email"
          autoComplete="username"
          autoFocus
          placeholder="you@company.com"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field label="Password" error={errors.password}>
        <Input
          type="password"
          name="password"
          autoComplete="current-password"
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
