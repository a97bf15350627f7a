import { useEffect } from 'react';

/** Sets the tab title while a screen is shown, e.g. "Sign in · Orbit360 Merchant". */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Orbit360 Merchant` : 'Orbit360 Merchant';
  }, [title]);
}
