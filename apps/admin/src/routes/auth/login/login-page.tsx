import { Alert, Card } from '@orbit360/ui';
import { Activity, Palette, Rocket } from 'lucide-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Logo } from '../../../layout/logo.js';
import { useSession } from '../../../lib/session.js';
import { LoginForm } from './login-form.js';
import { useDocumentTitle } from '../../../lib/document-title.js';

const HIGHLIGHTS = [
  {
    icon: Rocket,
    title: 'Activate in seconds',
    text: 'Pick a theme and a plan; the store goes live.',
  },
  {
    icon: Activity,
    title: 'Watch it live',
    text: 'Every provisioning step streams to your screen.',
  },
  { icon: Palette, title: 'Themes and plans', text: 'Curate the catalog merchants launch with.' },
];

/** Only same-app paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/merchants';
}

export function LoginPage() {
  useDocumentTitle('Sign in');
  const { session, signIn, endedBecause } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  if (session) return <Navigate to={next} replace />;

  return (
    <div className="grid min-h-dvh lg:grid-cols-[1fr_minmax(0,36rem)]">
      <div className="relative hidden overflow-hidden bg-gradient-to-br from-brand-700 via-brand-600 to-violet-600 p-12 text-white lg:flex lg:flex-col lg:justify-between">
        <div
          aria-hidden
          className="absolute -top-24 -right-24 size-96 rounded-full bg-white/10 blur-3xl"
        />
        <div
          aria-hidden
          className="absolute -bottom-32 -left-16 size-96 rounded-full bg-violet-300/20 blur-3xl"
        />
        <Logo inverted />
        <div className="relative max-w-md space-y-8">
          <h2 className="text-3xl leading-tight font-semibold tracking-tight">
            Launch and run every merchant store from one place.
          </h2>
          <ul className="space-y-5">
            {HIGHLIGHTS.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex gap-4">
                <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-white/15 ring-1 ring-white/20">
                  <Icon className="size-5" />
                </span>
                <span>
                  <span className="block font-medium">{title}</span>
                  <span className="block text-sm text-white/75">{text}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
        <p className="relative text-xs text-white/60">Orbit360 platform administration</p>
      </div>
      <div className="flex items-center justify-center px-4 py-12 sm:px-8">
        <div className="w-full max-w-sm">
          <div className="mb-8 lg:hidden">
            <Logo />
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-fg">
            Sign in to the admin panel
          </h1>
          <p className="mt-1.5 mb-8 text-sm text-fg-muted">
            Use the administrator account of your Orbit360 platform.
          </p>
          {endedBecause === 'expired' && (
            <Alert tone="warning" className="mb-5" title="Your session has ended">
              Please sign in again to continue.
            </Alert>
          )}
          <Card className="p-6 shadow-pop sm:p-7">
            <LoginForm
              onSuccess={(response) => {
                signIn({ token: response.token, admin: response.admin });
                navigate(next, { replace: true });
              }}
            />
          </Card>
          <p className="mt-6 text-center text-xs text-fg-subtle">
            The first admin&apos;s password is printed by{' '}
            <code className="font-mono">npm start</code> on first run.
          </p>
        </div>
      </div>
    </div>
  );
}
