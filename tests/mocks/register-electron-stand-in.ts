// `node --import ./tests/mocks/register-electron-stand-in.ts main.js` runs a built main
// bundle against the electron stand-in. Resolutions of the real package are collected in
// `globalThis.__realElectronResolutions`.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const resolutions: string[] = [];
(globalThis as { __realElectronResolutions?: string[] }).__realElectronResolutions = resolutions;
const { port1, port2 } = new MessageChannel();
port1.on('message', (message: { realElectronResolved?: string }) => {
  if (message.realElectronResolved) resolutions.push(message.realElectronResolved);
});
port1.unref();
register('./electron-resolve-hook.ts', {
  parentURL: import.meta.url,
  data: { port: port2 },
  transferList: [port2],
});
