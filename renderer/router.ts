import { useEffect, useState } from 'react';
import { pages, type PageName } from './pageNames';

/**
 * Pages live in the address's hash (`#/villages?coverageKind=none`), so a refresh keeps the
 * clerk where they were and the home page can link to a filtered list.
 */
export { pages, type PageName };
export interface Route {
  page: PageName;
  filter?: { id: string; value: string };
}

function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = (pages as readonly string[]).includes(path) ? (path as PageName) : 'home';
  const params = new URLSearchParams(query);
  const first = [...params.entries()][0];
  return first ? { page, filter: { id: first[0], value: first[1] } } : { page };
}

function routeHash(r: Route): string {
  return `#/${r.page}${r.filter ? `?${encodeURIComponent(r.filter.id)}=${encodeURIComponent(r.filter.value)}` : ''}`;
}

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (r) => (window.location.hash = routeHash(r))];
}
