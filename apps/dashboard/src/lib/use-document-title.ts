import { useDocumentTitle as useTitle } from '@orbit360/ui';

/** Sets the tab title while a screen is shown, e.g. "Sign in · Orbit360 Merchant". */
export const useDocumentTitle = (title: string | null | undefined) =>
  useTitle(title, 'Orbit360 Merchant');
