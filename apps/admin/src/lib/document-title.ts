import { useDocumentTitle as useTitle } from '@orbit360/ui';

/** Sets the tab title for the current screen ("Merchants · Orbit360 Admin"). */
export const useDocumentTitle = (title: string | undefined) => useTitle(title, 'Orbit360 Admin');
