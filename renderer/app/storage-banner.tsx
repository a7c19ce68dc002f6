import { useEffect, useState } from 'react';
import HardDrive from 'lucide-react/icons/hard-drive';
import { READ_ONLY_WORDS } from '../../shared/content/store-messages.ts';
import type { StorageStatus } from '../../shared/model/app-info.ts';
import { useDataClient } from './data-client.ts';
import { useIpcEvent } from './ipc-query.ts';
import { settingsHash } from './routes.ts';

// While Attune's data folder takes no writes (a full disk, a read-only disk or folder), a
// banner above every screen says so: what happened, what to do, that export still works, and
// "Try again", which asks main to try the folder again. It stays until saving works: this is
// not a notice to dismiss, since every save fails until then. It comes when Attune starts on
// such a disk, and as soon as a save is refused while it runs (main's `app.storage` event).

export function StorageBanner() {
  const data = useDataClient();
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [trying, setTrying] = useState(false);
  const [stillReadOnly, setStillReadOnly] = useState(false);

  useEffect(() => {
    void data.call('app.info').then((result) => {
      if (result.ok) setStorage(result.value.storage);
    });
  }, [data]);
  // While Attune runs: a save the disk refused (it filled up) brings the banner at once.
  useIpcEvent('app.storage', (next) => {
    setStorage(next);
    setStillReadOnly(false);
  });

  async function tryAgain(): Promise<void> {
    if (trying) return;
    setTrying(true);
    const result = await data.call('app.retryStorage');
    setTrying(false);
    if (!result.ok) return setStillReadOnly(true);
    setStorage(result.value.storage);
    setStillReadOnly(result.value.storage.state === 'read-only');
  }

  if (storage?.state !== 'read-only') return null;
  const full = storage.reason === 'disk-full';
  return (
    <section className="storage-banner" aria-labelledby="storage-banner-title" data-reason={storage.reason}>
      <HardDrive className="storage-banner-icon" aria-hidden="true" size={22} />
      <div className="storage-banner-text">
        <p id="storage-banner-title" className="storage-banner-title">
          {READ_ONLY_WORDS.bannerTitle}
        </p>
        <p>{full ? READ_ONLY_WORDS.diskFull : READ_ONLY_WORDS.notWritable}</p>
        <p>
          {full ? READ_ONLY_WORDS.whatToDoFull : READ_ONLY_WORDS.whatToDoNotWritable} {READ_ONLY_WORDS.settingsNotSaved}
        </p>
        <p>
          {READ_ONLY_WORDS.exportStillWorks} <a href={settingsHash('data')}>{READ_ONLY_WORDS.exportLink}</a>.
        </p>
        <p role="status" className="storage-banner-result">
          {stillReadOnly && !trying ? READ_ONLY_WORDS.stillReadOnly : ''}
        </p>
      </div>
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page, so
          pressing Enter again after "still cannot save" would do nothing. */}
      <button type="button" className="button button-quiet" aria-disabled={trying} onClick={() => void tryAgain()}>
        {trying ? READ_ONLY_WORDS.trying : READ_ONLY_WORDS.tryAgain}
      </button>
    </section>
  );
}
