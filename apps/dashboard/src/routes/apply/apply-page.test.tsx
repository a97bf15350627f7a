import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorBody } from '../../test/fixtures.js';
import { renderApp, setupDashboard, stubFetch } from '../../test/render-app.js';

const apiCalls = (requests: { path: string }[]) =>
  requests.filter((r) => r.path.startsWith('/api/'));

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  const paste = async (label: RegExp, text: string) => {
    await user.click(screen.getByLabelText(label));
    await user.paste(text);
  };
  await screen.findByLabelText(/store name/i);
  await paste(/store name/i, '  Juniper & Sage ');
  await paste(/your name/i, 'June Park');
  await paste(/^email/i, 'june@juniper.test');
  await user.selectOptions(screen.getByLabelText(/what you sell/i), 'Home & garden');
  await user.selectOptions(screen.getByLabelText(/country/i), 'New Zealand');
  await paste(/about your store/i, 'Ceramics and dried flowers.');
}

// Typing into a six-field form re-renders it on every key: slow on a loaded 2-core machine.
describe('"Open your store" application page', { timeout: 20_000 }, () => {
  beforeEach(setupDashboard);

  it('is linked from the sign-in page', async () => {
    stubFetch({});
    renderApp('/login');
    await userEvent.click(await screen.findByRole('link', { name: /open your store/i }));
    expect(
      await screen.findByRole('heading', { name: /open your store on orbit360/i }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: /already have a store\? sign in/i })).toHaveAttribute(
      'href',
      '/login',
    );
  });

  it('validates as the applicant types, with the server’s messages, and sends nothing invalid', async () => {
    const requests = stubFetch({});
    renderApp('/apply');
    const user = userEvent.setup();
    const email = await screen.findByLabelText(/^email/i);
    await user.type(email, 'june@');
    expect(screen.queryByText(/enter a valid email address/i)).toBeNull();
    await user.tab();
    expect(
      await screen.findByText('Enter a valid email address, like you@store.com'),
    ).toBeVisible();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    await user.type(email, 'juniper.test');
    expect(screen.queryByText(/enter a valid email address/i)).toBeNull();

    await user.click(screen.getByRole('button', { name: /send my application/i }));
    expect(screen.getByText('Enter the name of your store')).toBeVisible();
    expect(screen.getByText('Enter your name')).toBeVisible();
    expect(screen.getByText('Choose what you sell')).toBeVisible();
    expect(apiCalls(requests)).toHaveLength(0);

    await user.click(screen.getByLabelText(/about your store/i));
    await user.paste('x'.repeat(501));
    expect(screen.getByText('Use at most 500 characters')).toBeVisible();
  });

  it('sends the application and confirms that we will email when the store is ready', async () => {
    const requests = stubFetch({
      'POST /api/merchants/signup': () => ({ status: 202, body: { accepted: true } }),
    });
    renderApp('/apply');
    const user = userEvent.setup();
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: /send my application/i }));

    const sent = await screen.findByTestId('application-sent');
    expect(sent).toHaveTextContent(/thank you, june park/i);
    expect(sent).toHaveTextContent(/we'll email you when your store is ready/i);
    expect(sent).toHaveTextContent('june@juniper.test');
    expect(apiCalls(requests)).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/merchants/signup',
        authorization: null,
        body: {
          storeName: 'Juniper & Sage',
          ownerName: 'June Park',
          email: 'june@juniper.test',
          businessType: 'Home & garden',
          country: 'NZ',
          description: 'Ceramics and dried flowers.',
        },
      }),
    ]);
    expect(document.title).toMatch(/application received/i);
  });

  it('keeps the form and says when to retry once the connection applied too often', async () => {
    stubFetch({
      'POST /api/merchants/signup': () => ({
        status: 429,
        body: errorBody('RATE_LIMITED', 'Too many applications', { retryAfter: 1500 }),
      }),
    });
    renderApp('/apply');
    const user = userEvent.setup();
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: /send my application/i }));
    expect(await screen.findByTestId('apply-error')).toHaveTextContent(
      /too many applications came from your connection.*try again in 25 minutes/i,
    );
    expect(screen.getByLabelText(/store name/i)).toHaveValue('  Juniper & Sage ');
  });

  it('hides the spam trap from people and assistive technology', async () => {
    stubFetch({});
    renderApp('/apply');
    await screen.findByLabelText(/store name/i);
    expect(screen.queryByRole('textbox', { name: /website/i })).toBeNull();
    const trap = document.querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(trap.tabIndex).toBe(-1);
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
  });
});
