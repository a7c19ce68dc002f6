import { useEffect, useState } from 'react';
import X from 'lucide-react/icons/x';
import type { Notice } from '../../shared/model/app-info.ts';
import { useApi } from './attune.ts';
import { useDataClient } from './data-client.ts';

// Things main needs to tell the user once (a settings file that had to be reset, say).
// Taken from main at start (main hands each out only once) and from `app.notice` events,
// shown as quiet banners until dismissed.

export function Notices() {
  const api = useApi();
  const data = useDataClient();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    function add(incoming: readonly Notice[]): void {
      if (incoming.length === 0) return;
      setNotices((current) => [...current, ...incoming.filter((n) => !current.some((c) => c.id === n.id))]);
    }
    const unsubscribe = api.on('app.notice', (notice) => add([notice]));
    // Detached, not dropped at unmount: main gives each notice out once, so dropping an
    // answer (as a StrictMode re-run would) would lose it for good.
    void data.detached.call('app.takeNotices').then((result) => {
      if (result.ok) add(result.value);
    });
    return unsubscribe;
  }, [api, data]);

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
