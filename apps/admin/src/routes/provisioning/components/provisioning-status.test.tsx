import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MERCHANT_ID, provisioningStatus } from '../../../test/provisioning.fixtures.js';
import { json, renderWithProviders, signInAs, stubApi } from '../../../test/render.js';
import { ProvisioningStatus } from './provisioning-status.js';

const STATUS_PATH = `GET /api/provisioning/merchants/${MERCHANT_ID}/provisioning-status`;
const RETRY_PATH = `POST /api/provisioning/merchants/${MERCHANT_ID}/retry-provisioning`;

const steps = () => screen.getAllByTestId('provisioning-step');

describe('ProvisioningStatus', () => {
  beforeEach(() => signInAs());
  afterEach(() => vi.unstubAllGlobals());

  it('renders the six steps with their state, duration and attempts, and the progress', async () => {
    stubApi({
      [STATUS_PATH]: () =>
        json(
          200,
          provisioningStatus({
            completed: 2,
            status: 'running',
            current: {
              status: 'running',
              attempts: 2,
              startedAt: '2026-03-04T10:00:00.300Z',
              error: { message: 'The website did not answer the self-check', attempt: 1 },
              nextRetryAt: null,
            },
          }),
        ),
    });
    renderWithProviders(<ProvisioningStatus storeId={MERCHANT_ID} autoRefresh={false} />);

    const bar = await screen.findByRole('progressbar', { name: 'Provisioning progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(steps().map((s) => [s.dataset.step, s.dataset.status])).toEqual([
      ['workspace', 'completed'],
      ['dashboard', 'completed'],
      ['website', 'running'],
      ['data', 'pending'],
      ['credentials', 'pending'],
      ['golive', 'pending'],
    ]);
    expect(steps()[0]).toHaveAccessibleName('Workspace creation: Completed');
    expect(within(steps()[0]!).getByTestId('step-duration')).toHaveTextContent('42 ms');
    expect(within(steps()[2]!).getByTestId('step-attempts')).toHaveTextContent('2 attempts');
    expect(within(steps()[2]!).getByTestId('step-error')).toHaveTextContent(
      'The website did not answer the self-check',
    );
    expect(screen.getByTestId('provisioning-state')).toHaveTextContent('Provisioning');
    expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
  });

  it('shows the sanitized error of a failed provisioning and retries it from the Retry button', async () => {
    const user = userEvent.setup();
    const failed = provisioningStatus({
      completed: 2,
      status: 'failed',
      current: {
        status: 'failed',
        attempts: 3,
        error: { message: 'The website could not be published', attempt: 3 },
      },
      error: { step: 'website', message: 'The website could not be published', attempt: 3 },
    });
    const completed = provisioningStatus({ completed: 6, status: 'completed' });
    let current = failed;
    const requests = stubApi({
      [STATUS_PATH]: () => json(200, current),
      [RETRY_PATH]: () => {
        current = completed;
        return json(202, provisioningStatus({ completed: 2, status: 'queued' }));
      },
    });
    renderWithProviders(<ProvisioningStatus storeId={MERCHANT_ID} autoRefresh={false} />);

    const alert = await screen.findByTestId('provisioning-error');
    expect(alert).toHaveTextContent('Website deployment failed after 3 attempts');
    expect(alert).toHaveTextContent('The website could not be published');
    expect(screen.getByRole('progressbar', { name: 'Provisioning progress' })).toHaveAttribute(
      'aria-valuenow',
      '40',
    );

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(await screen.findByTestId('provisioning-complete')).toBeInTheDocument();
    expect(screen.queryByTestId('provisioning-error')).not.toBeInTheDocument();
  });

  it('links to the website and the merchant dashboard once live', async () => {
    stubApi({
      [STATUS_PATH]: () => json(200, provisioningStatus({ completed: 6, status: 'completed' })),
    });
    renderWithProviders(<ProvisioningStatus storeId={MERCHANT_ID} />);

    expect(await screen.findByRole('link', { name: /Visit website/ })).toHaveAttribute(
      'href',
      'http://acme-outdoor-co.localhost:5000/',
    );
    expect(screen.getByRole('link', { name: /Merchant dashboard/ })).toHaveAttribute(
      'href',
      'http://localhost:3003/?merchant=merchant_8000876d816f',
    );
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(steps().every((s) => s.dataset.status === 'completed')).toBe(true);
    expect(screen.getByText('Finished in 705 ms')).toBeInTheDocument();
  });

  it('polls while running when no realtime connection is available, and stops when done', async () => {
    let calls = 0;
    stubApi({
      [STATUS_PATH]: () => {
        calls += 1;
        return json(
          200,
          calls < 3
            ? provisioningStatus({
                completed: calls,
                status: 'running',
                current: { status: 'running', attempts: 1 },
              })
            : provisioningStatus({ completed: 6, status: 'completed' }),
        );
      },
    });
    renderWithProviders(
      <ProvisioningStatus storeId={MERCHANT_ID} autoRefresh refreshInterval={20} />,
    );
    expect(
      await screen.findByTestId('provisioning-complete', {}, { timeout: 2000 }),
    ).toBeInTheDocument();
    const settled = calls;
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(settled);
  });

  it('explains when the merchant was never activated', async () => {
    stubApi({
      [STATUS_PATH]: () =>
        json(404, { error: { code: 'NOT_FOUND', message: 'Provisioning not found' } }),
    });
    renderWithProviders(<ProvisioningStatus storeId={MERCHANT_ID} />);
    expect(await screen.findByTestId('provisioning-none')).toHaveTextContent('not been activated');
  });
});
