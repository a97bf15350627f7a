import { Alert, Button, Field, Input, cn } from '@orbit360/ui';
import { Check, Circle } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useSetPassword } from '../../../hooks/api/auth.js';
import { isApiError } from '../../../lib/api-client.js';
import { PASSWORD_RULES, passwordProblem } from './password-rules.js';
import { tokenProblemOf, type TokenProblem } from './token-problem.js';

type Errors = Partial<Record<'password' | 'confirm', string>>;

export interface SetPasswordFormProps {
  token: string;
  onSuccess(): void;
  onTokenProblem(problem: TokenProblem): void;
}

function Requirements({ password }: { password: string }) {
  return (
    <ul className="-mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Password requirements">
      {PASSWORD_RULES.map((rule) => {
        const met = rule.test(password);
        return (
          <li
            key={rule.id}
            className={cn('flex items-center gap-1.5', met ? 'text-emerald-700' : 'text-fg-subtle')}
          >
            {met ? (
              <Check aria-hidden className="size-3.5" />
            ) : (
              <Circle aria-hidden className="size-3" />
            )}
            {rule.label}
            <span className="sr-only">{met ? ' (met)' : ' (not met yet)'}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function SetPasswordForm({ token, onSuccess, onTokenProblem }: SetPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const mutation = useSetPassword();
  const apiError = isApiError(mutation.error) ? mutation.error : null;
  const serverPasswordError = apiError?.field('password');
  const failure =
    mutation.error && !serverPasswordError && !tokenProblemOf(mutation.error)
      ? (apiError?.message ?? 'Something went wrong. Please try again.')
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    const problem = passwordProblem(password);
    if (problem) found.password = problem;
    if (!confirm) found.confirm = 'Type the password again';
    else if (confirm !== password) found.confirm = 'The passwords do not match';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate(
      { token, password },
      {
        onSuccess: () => onSuccess(),
        onError: (error) => {
          const tokenProblem = tokenProblemOf(error);
          if (tokenProblem) onTokenProblem(tokenProblem);
        },
      },
    );
  };

  const passwordError =
    errors.password ?? (serverPasswordError ? `Password ${serverPasswordError}` : undefined);

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label="Set your password">
      {failure && (
        <Alert tone="danger" title="Your password was not saved">
          {failure}
        </Alert>
      )}
      <Field label="New password" error={passwordError} required>
        <Input
          type="password"
          name="new-password"
          autoComplete="new-password"
          autoFocus
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            if (errors.password) setErrors((all) => ({ ...all, password: undefined }));
          }}
        />
      </Field>
      <Requirements password={password} />
      <Field label="Confirm password" error={errors.confirm} required>
        <Input
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </Field>
      <Button type="submit" size="lg" className="w-full" loading={mutation.isPending}>
        Set password
      </Button>
    </form>
  );
}
