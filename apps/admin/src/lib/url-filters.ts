import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * List filters kept in the URL (shareable, survive reloads): the current params, the page,
 * `update` to patch them (empty values are removed), and a search box bound to `searchKey`
 * that updates the URL 300 ms after typing stops and sends the list back to page 1.
 */
export function useUrlFilters(searchKey: string) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const current = params.get(searchKey) ?? '';
  const [search, setSearch] = useState(current);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if (search.trim() === current) return;
    const timer = setTimeout(
      () => update({ [searchKey]: search.trim() || undefined, page: undefined }),
      300,
    );
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- update is derived from params
  }, [search, current]);

  return { params, page, update, search, setSearch };
}
