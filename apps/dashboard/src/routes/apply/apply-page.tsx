import { Alert, Card } from '@orbit360/ui';
import { CheckCircle2, Globe, LayoutDashboard, Mail, Rocket } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Brand } from '../../components/brand.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ApplicationForm } from './application-form.js';

const linkClass = 'font-medium text-brand-700 hover:underline';

function Point({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg border border-brand-100 bg-brand-50 text-brand-700 [&_svg]:size-4">
        {icon}
      </span>
      <span className="text-sm text-fg-muted">
        <span className="block font-medium text-fg">{title}</span>
        {children}
      </span>
    </li>
  );
}

interface Submitted {
  ownerName: string;
  email: string;
  storeName: string;
}

function Confirmation({ application }: { application: Submitted }) {
  return (
    <div className="space-y-5" data-testid="application-sent">
      <div className="flex flex-col items-center text-center">
        <span className="mb-4 flex size-12 items-center justify-center rounded-full bg-emerald-50 text-emerald-600">
          <CheckCircle2 className="size-6" />
        </span>
        <h1 className="text-xl font-semibold tracking-tight text-fg">
          Thank you, {application.ownerName}!
        </h1>
        <p className="mt-1.5 text-sm text-fg-muted">
          Your application for <span className="font-medium text-fg">{application.storeName}</span>{' '}
          is in.
        </p>
      </div>
      <Alert tone="success" title="We'll email you when your store is ready">
        Our team reviews your application and sets up your store. The email goes to{' '}
        <span className="font-medium">{application.email}</span>, with a link to choose your
        password and open your dashboard.
      </Alert>
      <p className="text-sm text-fg-muted">
        A confirmation is on its way to that address now. Nothing arrived after a few minutes? Check
        your spam folder.
      </p>
    </div>
  );
}

/** The public "Open your store" page: why, then the application form, then a confirmation. */
export function ApplyPage() {
  const [submitted, setSubmitted] = useState<Submitted>();
  useDocumentTitle(submitted ? 'Application received' : 'Open your store');

  return (
    <div className="flex min-h-dvh flex-col bg-canvas bg-[radial-gradient(60rem_30rem_at_50%_-10%,var(--color-brand-100),transparent)]">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-4 pt-8 sm:px-6">
        <Brand />
        <Link className={`text-sm ${linkClass}`} to="/login">
          Already have a store? Sign in
        </Link>
      </header>
      <main className="mx-auto grid w-full max-w-5xl flex-1 items-start gap-10 px-4 py-10 sm:px-6 lg:grid-cols-[1fr_1.15fr] lg:py-16">
        <section className="lg:pt-6">
          <h1 className="text-3xl font-semibold tracking-tight text-fg sm:text-4xl">
            Open your store on Orbit360
          </h1>
          <p className="mt-3 max-w-md text-base text-fg-muted">
            Tell us about your business. Once our team activates it, your store is set up in minutes
            — no code, no servers.
          </p>
          <ul className="mt-8 space-y-5">
            <Point icon={<Globe />} title="A website of your own">
              A themed storefront at your own address, with your products and pages.
            </Point>
            <Point icon={<LayoutDashboard />} title="A dashboard to run it">
              Catalog, pages, theme and settings in one place.
            </Point>
            <Point icon={<Mail />} title="One email to get started">
              We write to you when your store is ready, with a link to sign in.
            </Point>
            <Point icon={<Rocket />} title="Reviewed by people">
              The platform team looks at every application before opening a store.
            </Point>
          </ul>
        </section>
        <Card className="animate-slide-in p-6 sm:p-8">
          {submitted ? (
            <Confirmation application={submitted} />
          ) : (
            <>
              <h2 className="text-xl font-semibold tracking-tight text-fg">Your application</h2>
              <p className="mt-1.5 text-sm text-fg-muted">
                Fields marked <span className="text-red-500">*</span> are required.
              </p>
              <div className="mt-6">
                <ApplicationForm onSubmitted={setSubmitted} />
              </div>
            </>
          )}
        </Card>
      </main>
      <footer className="pb-6 text-center text-xs text-fg-subtle">
        © Orbit360 · Your store, in orbit
      </footer>
    </div>
  );
}
