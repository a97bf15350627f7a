import { useEffect } from 'react';

/** Sets the tab title while a screen is shown: "Merchants · Orbit360 Admin". */
export function useDocumentTitle(title: string | null | undefined, product: string) {
  useEffect(() => {
    document.title = title ? `${title} · ${product}` : product;
  }, [title, product]);
}
