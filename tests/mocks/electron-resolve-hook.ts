// A Node module resolve hook (registered with module.register) that maps the `electron`
// specifier to the stand-in beside this file, and records every URL resolved under the
// real electron package so the smoke test can prove the binary was never touched.
type ResolveContext = { parentURL?: string; conditions?: string[] };
type ResolveResult = { url: string; shortCircuit?: boolean; format?: string | null };
type NextResolve = (specifier: string, context: ResolveContext) => Promise<ResolveResult>;

const standInUrl = new URL('./electron.ts', import.meta.url).href;
let port: { postMessage: (message: unknown) => void } | null = null;

export async function initialize(data: { port?: { postMessage: (message: unknown) => void } } | undefined): Promise<void> {
  port = data?.port ?? null;
}

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): Promise<ResolveResult> {
  if (specifier === 'electron' || specifier.startsWith('electron/')) {
    return { url: standInUrl, shortCircuit: true };
  }
  const result = await nextResolve(specifier, context);
  if (result.url.includes('/node_modules/electron/')) port?.postMessage({ realElectronResolved: result.url });
  return result;
}
