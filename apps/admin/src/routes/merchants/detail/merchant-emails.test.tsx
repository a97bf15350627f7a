import type { EmailLogItem, Merchant } from '@orbit360/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders, signInAs, stubApi } from '../../../test/render.js';
import { MerchantEmails } from './merchant-emails.js';

const MERCHANT: Merchant = {
  id: '5a0f5c3e-0000-4000-8000-00000000000a',
  storeName: 'Bounced Boutique',
  ownerName: 'Olive Owner',
  email: 'olive@example.test',
  phone: null,
  country: null,
  businessType: null,
  description: null,
  status: 'active',
  merchantCode: 'M-0001',
  tenantId: '5a0f5c3e-0000-4000-8000-00000000000b',
  themeId: null,
  planId: null,
  createdAt: '2026-12-03T10:00:00.000Z',
  updatedAt: '2026-12-03T10:00:00.000Z',
};

const failedWelcome: EmailLogItem = {
  id: '5a0f5c3e-0000-4000-8000-00000000000c',
  kind: 'welcome',
  to: MERCHANT.email,
  subject: 'Your store Bounced Boutique is live on Orbit360',
  text: 'token=[hidden]',
  html: '<p>token=[hidden]</p>',
  status: 'failed',
  transport: null,
  attempts: 1,
  lastError: 'Rejected by the mail server (SMTP 550)',
  messageId: '<provisioning-x@orbit360>',
  createdAt: '2026-12-03T10:00:01.000Z',
  sentAt: null,
};

const log = () => json(200, { items: [failedWelcome], total: 1, page: 1, pageSize: 20 });

describe('MerchantEmails', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a rejected welcome email as failed; an admin sends a new set-password link', async () => {
    signInAs('admin');
    const requests = stubApi({
      'GET /api/admin/emails': log,
      [`POST /api/admin/merchants/${MERCHANT.id}/send-password-link`]: () =>
        json(202, { emailId: failedWelcome.id, expiresAt: '2026-12-06T10:00:00.000Z' }),
    });
    renderWithProviders(<MerchantEmails merchant={MERCHANT} />);
    const row = await screen.findByTestId('merchant-email');
    expect(row.dataset.status).toBe('failed');
    expect(row).toHaveTextContent('Failed');
    expect(row).toHaveTextContent('Rejected by the mail server (SMTP 550)');

    await userEvent.click(screen.getByRole('button', { name: /send a new set-password link/i }));
    await waitFor(() =>
      expect(
        requests.some((r) => r.method === 'POST' && r.path.endsWith('/send-password-link')),
      ).toBe(true),
    );
    expect(await screen.findByText('New set-password link sent')).toBeInTheDocument();
  });

  it('a viewer sees the status but has no button', async () => {
    signInAs('viewer');
    stubApi({ 'GET /api/admin/emails': log });
    renderWithProviders(<MerchantEmails merchant={MERCHANT} />);
    expect((await screen.findByTestId('merchant-email')).dataset.status).toBe('failed');
    expect(screen.queryByRole('button', { name: /send a new set-password link/i })).toBeNull();
  });
});
