import { goToTrends, trendsHash, type TrendsPath } from './trends-path.ts';
import './sessions-list.css';

// The switch at the top of Trends between the overview and the list of every session: two
// places in the address, so Back and a reload keep them. Links, so each is a Tab stop and
// the current one says so (aria-current).

const VIEWS = [
  { view: 'overview', label: 'Overview', path: { view: 'overview', range: null, tag: null } },
  { view: 'sessions', label: 'Sessions', path: { view: 'sessions', kind: null, range: 'all' } },
] as const satisfies ReadonlyArray<{ view: TrendsPath['view']; label: string; path: TrendsPath }>;

export function TrendsViews({ current }: { current: 'overview' | 'sessions' }) {
  return (
    <nav className="trends-views" aria-label="Trends views">
      {VIEWS.map(({ view, label, path }) => (
        <a
          key={view}
          className="trends-view-link"
          href={trendsHash(path)}
          aria-current={view === current ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            goToTrends(path);
          }}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
