import type { ConnectProblem } from '../../sensors/heart-rate-source.ts';

// Help for the usual reasons a strap will not connect, each one a disclosure the user can
// open; the one that matches what just went wrong opens by itself.

type HelpTopic = { id: string; title: string; body: string[]; opensFor: ReadonlyArray<ConnectProblem | 'no-rr'> };

const TOPICS: readonly HelpTopic[] = [
  {
    id: 'strap-asleep',
    title: 'The strap does not show up in the list',
    body: [
      'Most chest straps only wake up when they touch skin. Moisten the contacts, put the strap on, and try again.',
      'A strap connects to one app at a time. Close other apps on your phone or computer that might be using it.',
    ],
    opensFor: ['cancelled', 'connect-failed', 'no-answer'],
  },
  {
    id: 'bluetooth-off',
    title: 'Bluetooth is off',
    body: [
      'On Windows: Settings → Bluetooth & devices, switch Bluetooth on. Check that flight mode is off.',
      'On a Mac: the Bluetooth icon in the menu bar, or System Settings → Bluetooth.',
      'On Linux: your desktop’s Bluetooth settings; if it stays off, “rfkill list” shows whether the radio is blocked and “rfkill unblock bluetooth” frees it.',
      'Then press Connect a strap again.',
    ],
    opensFor: ['bluetooth-off', 'no-web-bluetooth'],
  },
  {
    id: 'macos-permission',
    title: 'On a Mac: Attune is not allowed to use Bluetooth',
    body: [
      'Open System Settings → Privacy & Security → Bluetooth and switch Attune on. Then quit and reopen Attune.',
    ],
    opensFor: ['permission-denied', 'not-allowed'],
  },
  {
    id: 'out-of-range',
    title: 'Your computer lost sight of the strap',
    body: [
      'Put the strap on (moist contacts wake it up) and come within a few metres of the computer.',
      'Some systems forget a strap soon after it drops. Reconnect looks for it again; if it still does not appear, choose it once more with Connect a strap.',
    ],
    opensFor: ['out-of-range'],
  },
  {
    id: 'pairing',
    title: 'The strap asks to be paired',
    body: [
      'Most straps need no pairing, but some do. Pair it once in your computer’s Bluetooth settings (Windows: Bluetooth & devices → Add device; Mac: System Settings → Bluetooth; Linux: your Bluetooth settings or “bluetoothctl pair”), then press Connect a strap.',
    ],
    opensFor: ['pairing-needed'],
  },
  {
    id: 'linux-bluez',
    title: 'On Linux: the Bluetooth service is not running',
    body: [
      'Attune uses BlueZ, the Linux Bluetooth service. Check it with “systemctl status bluetooth” and start it with “sudo systemctl enable --now bluetooth”.',
    ],
    opensFor: ['bluetooth-off'],
  },
  {
    id: 'linux-group',
    title: 'On Linux: your user may not use Bluetooth',
    body: [
      'Add yourself to the bluetooth group with “sudo usermod -aG bluetooth $USER”, then log out and in again.',
    ],
    opensFor: ['not-allowed', 'permission-denied'],
  },
  {
    id: 'no-rr',
    title: 'Connected, but no time between beats',
    body: [
      'Some sensors, mostly optical ones on the wrist or arm, send heart rate but not the time between beats. Heart rate still works; the calm and breathing readings need a chest strap.',
    ],
    opensFor: ['no-rr'],
  },
  {
    id: 'drops',
    title: 'The strap keeps dropping',
    body: [
      'Attune reconnects by itself and keeps your session; the gap shows under Dropouts. On Linux some straps drop every few minutes: that is the system, not you.',
      'If it happens often, stay closer to the computer and check the strap’s battery.',
    ],
    opensFor: [],
  },
];

export function ConnectionHelp({ problem, noRr }: { problem: ConnectProblem | null; noRr: boolean }) {
  return (
    <section className="device-card" aria-labelledby="device-help">
      <h2 id="device-help">If your strap will not connect</h2>
      {TOPICS.map((topic) => {
        const matches = (problem !== null && topic.opensFor.includes(problem)) || (noRr && topic.opensFor.includes('no-rr'));
        return (
          // Keyed by the match so a newly matching topic opens, while the user stays free to close it.
          <details key={`${topic.id}-${matches}`} className="help-topic" open={matches}>
            <summary>{topic.title}</summary>
            {topic.body.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </details>
        );
      })}
    </section>
  );
}
