import { useEffect } from 'react';

/** Sets the tab title for the current screen ("Merchants · Orbit360 Admin"). */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Orbit360 Admin` : 'Orbit360 Admin';
  }, [title]);
}
