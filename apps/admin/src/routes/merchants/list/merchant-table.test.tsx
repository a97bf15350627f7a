import type { MerchantList, MerchantStatus } from '@orbit360/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.js';
import { MerchantTable } from './merchant-table.js';

const emptyList = {
  isPending: false,
  isError: false,
  isFetching: false,
  data: {
    items: [],
    total: 0,
    page: 1,
    pageSize: 20,
    counts: { pending: 0, provisioning: 0, active: 0, failed: 0, suspended: 0 },
  },
} as unknown as UseQueryResult<MerchantList>;

const renderEmpty = (status: MerchantStatus, query = '') =>
  renderWithProviders(
    <MerchantTable
      status={status}
      query={query}
      list={emptyList}
      selectable={false}
      selected={new Map()}
      onToggle={vi.fn()}
      onToggleAll={vi.fn()}
    />,
  );

describe('merchant list empty states', () => {
  it('explains where applications come from and links to the application page', () => {
    renderEmpty('pending');
    expect(screen.getByText('No applications waiting')).toBeVisible();
    expect(screen.getByText(/merchants apply on the public “open your store” page/i)).toBeVisible();
    const link = screen.getByRole('link', { name: /open the application page/i });
    expect(link).toHaveAttribute('href', 'http://localhost:3003/apply');
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('keeps the search and other statuses’ own messages', () => {
    renderEmpty('pending', 'acme');
    expect(screen.getByText(/no pending merchants match “acme”/i)).toBeVisible();
    expect(screen.queryByRole('link', { name: /open the application page/i })).toBeNull();
  });
});
