import { useEffect, useState } from 'react';
import X from 'lucide-react/icons/x';
import type { Notice } from '../../shared/model/app-info.ts';
import { useApi } from './attune.ts';

// Things main needs to tell the user once (a settings file that had to be reset, say).
// Taken from main at start (main hands each out only once) and from `app.notice` events,
// shown as quiet banners until dismissed.

export function Notices() {
  const api = useApi();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    function add(incoming: readonly Notice[]): void {
      if (incoming.length === 0) return;
      setNotices((current) => [...current, ...incoming.filter((n) => !current.some((c) => c.id === n.id))]);
    }
    const unsubscribe = api.on('app.notice', (notice) => add([notice]));
    // No "ignore if unmounted" guard here: main gives each notice out once, so dropping an
    // answer (as a StrictMode re-run would) would lose it for good.
    void api.invoke('app.takeNotices').then((result) => {
      if (result.ok) add(result.value);
    });
    return unsubscribe;
  }, [api]);

  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className="notice" role="status" data-kind={notice.kind}>
          <p className="notice-text">{notice.message}</p>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss notice"
            title="Dismiss"
            onClick={() => setNotices((current) => current.filter((n) => n.id !== notice.id))}
          >
            <X aria-hidden="true" size={18} />
          </button>
        </div>
      ))}
    </div>
  );
}
