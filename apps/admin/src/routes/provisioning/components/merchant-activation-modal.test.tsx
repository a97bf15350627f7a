import { SUPPORTED_CURRENCIES, SUPPORTED_LOCALES } from '@orbit360/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plans, themes } from '../../../test/catalog.fixtures.js';
import { MERCHANT_ID, provisioningStatus } from '../../../test/provisioning.fixtures.js';
import { json, renderWithProviders, signInAs, stubApi } from '../../../test/render.js';
import { MerchantActivationModal } from './merchant-activation-modal.js';

const classic = themes.find((t) => t.key === 'classic')!;
const professional = plans.find((p) => p.key === 'professional')!;
const catalog = {
  'GET /api/provisioning/themes': () => json(200, { items: themes }),
  'GET /api/provisioning/plans': () => json(200, { items: plans }),
  'GET /api/provisioning/slug-availability': ({ query }: { query: URLSearchParams }) =>
    json(200, {
      slug: query.get('slug'),
      isValid: true,
      isAvailable: true,
      suggestion: null,
      message: null,
    }),
};

function renderModal(onSuccess = vi.fn()) {
  renderWithProviders(
    <MerchantActivationModal
      open
      onOpenChange={() => {}}
      storeId={MERCHANT_ID}
      storeName="Acme Outdoor Co."
      onSuccess={onSuccess}
    />,
  );
  return onSuccess;
}

describe('MerchantActivationModal', () => {
  beforeEach(() => signInAs());
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows each theme with its preview and each plan with its price, Professional marked popular', async () => {
    stubApi(catalog);
    renderModal();
    const dialog = await screen.findByRole('dialog', { name: 'Activate Acme Outdoor Co.' });
    const themeGroup = await within(dialog).findByRole('radiogroup', { name: 'Theme' });
    expect(
      within(themeGroup)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('aria-label')),
    ).toEqual(themes.map((t) => t.name));
    const planGroup = within(dialog).getByRole('radiogroup', { name: 'Plan' });
    const professionalCard = within(planGroup).getByTestId('plan-card-professional');
    expect(professionalCard).toHaveTextContent('$79.99');
    expect(within(professionalCard).getByTestId('popular-badge')).toHaveTextContent('Popular');
    expect(within(planGroup).getAllByTestId('popular-badge')).toHaveLength(1);
    expect(within(planGroup).getByTestId('plan-card-starter')).toHaveTextContent('$29.99');
    // The popular plan is preselected; the slug is derived from the store name.
    expect(within(planGroup).getByRole('radio', { name: 'Professional' })).toBeChecked();
    expect(within(dialog).getByLabelText(/Store address/)).toHaveValue('acme-outdoor-co');
    // The theme's feature toggles are offered with their defaults.
    expect(within(dialog).getByRole('switch', { name: 'Announcement bar' })).toBeInTheDocument();
  });

  it('submits the chosen theme, plan and settings, calls onSuccess and switches to the live status', async () => {
    const user = userEvent.setup();
    const started = provisioningStatus({ completed: 0, status: 'queued' });
    const requests = stubApi({
      ...catalog,
      [`POST /api/provisioning/merchants/${MERCHANT_ID}/activate`]: () => json(202, started),
      [`GET /api/provisioning/merchants/${MERCHANT_ID}/provisioning-status`]: () =>
        json(
          200,
          provisioningStatus({
            completed: 2,
            status: 'running',
            current: { status: 'running', attempts: 1 },
          }),
        ),
    });
    const onSuccess = renderModal();
    await user.click(await screen.findByRole('radio', { name: 'Classic' }));
    await user.click(screen.getByRole('radio', { name: 'Professional' }));
    await user.selectOptions(screen.getByLabelText('Currency'), 'EUR');
    await user.click(screen.getByRole('switch', { name: 'Newsletter block' }));
    await user.click(screen.getByRole('button', { name: /Activate store/ }));

    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(started));
    const activation = requests.find((r) => r.method === 'POST')!;
    expect(activation.body).toEqual({
      themeId: classic.id,
      planId: professional.id,
      settings: {
        storeName: 'Acme Outdoor Co.',
        slug: 'acme-outdoor-co',
        currency: 'EUR',
        timezone: expect.any(String),
        locale: 'en-US',
        features: { announcementBar: true, newsletter: false, showVendor: true },
      },
    });
    expect(activation.headers['idempotency-key']).toMatch(/^activate-/);
    expect(
      await screen.findByRole('dialog', { name: 'Activating Acme Outdoor Co.' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', { name: 'Provisioning progress' }),
    ).toHaveAttribute('aria-valuenow', '40');
  });

  it("offers the platform's currencies and locales by name, and keeps the browser's time zone", async () => {
    const user = userEvent.setup();
    const real = new Intl.DateTimeFormat().resolvedOptions();
    // A spelling of the zone that this engine does not list (browsers differ on it).
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      ...real,
      timeZone: 'Asia/Kolkata',
    });
    const requests = stubApi({
      ...catalog,
      [`POST /api/provisioning/merchants/${MERCHANT_ID}/activate`]: () =>
        json(202, provisioningStatus({ completed: 0, status: 'queued' })),
    });
    renderModal();
    const currency = await screen.findByLabelText('Currency');
    const options = (select: HTMLElement) =>
      within(select)
        .getAllByRole('option')
        .map((o) => [o.getAttribute('value'), o.textContent]);
    expect(options(currency)).toEqual(
      SUPPORTED_CURRENCIES.map((c) => [c.code, `${c.name} (${c.code})`]),
    );
    expect(currency).toHaveValue('USD');
    const locale = screen.getByLabelText('Language and region');
    expect(options(locale)).toEqual(SUPPORTED_LOCALES.map((l) => [l.tag, `${l.name} · ${l.tag}`]));
    const zone = screen.getByLabelText('Time zone');
    expect(zone).toHaveValue('Asia/Kolkata');
    expect(options(zone)[0]).toEqual(['Asia/Kolkata', 'Asia/Kolkata']);

    await user.selectOptions(currency, 'NZD');
    await user.selectOptions(locale, 'fr-CA');
    await user.click(screen.getByRole('button', { name: /Activate store/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.body).toMatchObject({
      settings: { currency: 'NZD', timezone: 'Asia/Kolkata', locale: 'fr-CA' },
    });
  });

  it('shows the API validation errors on the fields they belong to', async () => {
    const user = userEvent.setup();
    stubApi({
      ...catalog,
      [`POST /api/provisioning/merchants/${MERCHANT_ID}/activate`]: () =>
        json(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Invalid value for: body.settings.slug, body.settings.timezone',
            details: {
              fields: [
                { field: 'body.settings.slug', message: 'is already taken by another store' },
                { field: 'body.settings.timezone', message: 'must be an IANA time zone' },
              ],
            },
          },
        }),
    });
    const onSuccess = renderModal();
    await user.click(await screen.findByRole('button', { name: /Activate store/ }));

    const slug = screen.getByLabelText(/Store address/);
    await waitFor(() => expect(slug).toHaveAttribute('aria-invalid', 'true'));
    expect(slug).toHaveAccessibleDescription('Is already taken by another store');
    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription(
      'Must be an IANA time zone',
    );
    expect(onSuccess).not.toHaveBeenCalled();
    // Editing the field clears its error.
    await user.type(slug, '-shop');
    expect(slug).not.toHaveAttribute('aria-invalid');
  });

  it('checks the slug before sending anything', async () => {
    const user = userEvent.setup();
    const requests = stubApi(catalog);
    renderModal();
    const slug = await screen.findByLabelText(/Store address/);
    await user.clear(slug);
    await user.type(slug, '-bad-');
    await user.click(screen.getByRole('button', { name: /Activate store/ }));
    expect(slug).toHaveAccessibleDescription(/lowercase letters, digits or dashes/);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });
});
