import { useState } from 'react';
import FileText from 'lucide-react/icons/file-text';
import type { AppInfo } from '../../../shared/model/app-info.ts';
import { COUNSELLOR_WORDS } from '../../../shared/content/counsellor-words.ts';
import { useDataClient } from '../../app/data-client.ts';
import { useIpcQuery } from '../../app/ipc-query.ts';

// About Attune: what it is and is not, when a couples counsellor can help (a line, no link),
// its version, and where its data and log file live.

export function AboutSection() {
  const data = useDataClient();
  const about = useIpcQuery('app.info', undefined);
  const info: AppInfo | null = about.status === 'ready' ? about.value : null;
  const [logProblem, setLogProblem] = useState<string | null>(null);
  const problem = logProblem ?? (about.status === 'failed' ? about.message : null);

  async function showLogFile(): Promise<void> {
    const result = await data.call('app.showLogFile');
    setLogProblem(result.ok ? null : result.message);
  }

  return (
    <>
      <p className="section-note">
        Attune is not a medical device, and everything it records stays on this computer: no account, no cloud, nothing
        sent over the network.
      </p>
      <p className="section-note" data-testid="counsellor-about">
        {COUNSELLOR_WORDS.about}
      </p>
      {info ? (
        <dl className="facts">
          <div>
            <dt>Version</dt>
            <dd>{info.version}</dd>
          </div>
          <div>
            <dt>Your data is stored in</dt>
            <dd className="path">{info.dataFolder}</dd>
          </div>
          <div>
            <dt>Log file</dt>
            <dd className="path">{info.logFile}</dd>
          </div>
        </dl>
      ) : null}
      <p className="section-note">The log file records errors only, never your heart data or what you write.</p>
      <button type="button" className="button button-quiet" onClick={() => void showLogFile()}>
        <FileText aria-hidden="true" size={18} />
        Show log file
      </button>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}
