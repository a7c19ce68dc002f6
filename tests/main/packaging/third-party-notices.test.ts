import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageDirOf, readmeLicenceSection, thirdPartyNotices } from '../../../build-tools/third-party-notices.ts';
import electronViteConfig from '../../../electron.vite.config.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NOTICES = join(ROOT, 'out', 'THIRD_PARTY_NOTICES.txt');

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Package names the bundler itself marks in unminified output ("// node_modules/react/…"). */
function packagesMarkedIn(code: string): Set<string> {
  const names = new Set<string>();
  for (const match of code.matchAll(/^\/\/ (?:.*\/)?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)) names.add(match[1]!);
  // Helpers the bundler injects ("// \0rolldown/runtime.js", "// \0vite/preload-helper.js").
  for (const match of code.matchAll(/^\/\/ \\0(rolldown|vite)\//gm)) names.add(match[1]!);
  return names;
}

/** Names, versions and licences from the notices' summary list. */
function listed(notices: string): Map<string, { version: string; licence: string }> {
  const entries = new Map<string, { version: string; licence: string }>();
  for (const match of notices.matchAll(/^ {2}(\S+) (\S+) \((.+)\)$/gm)) entries.set(match[1]!, { version: match[2]!, licence: match[3]! });
  return entries;
}

/** One package's section of the notices, from its rule to the next. */
function section(notices: string, name: string, version: string): string {
  const start = notices.indexOf(`${'='.repeat(78)}\n${name} ${version}\n`);
  if (start === -1) return '';
  const end = notices.indexOf(`\n${'='.repeat(78)}\n`, start + 1);
  return notices.slice(start, end === -1 ? undefined : end);
}

describe('the notices collector on a small project', () => {
  let project: { path: string; cleanup: () => void };
  let notices = '';

  beforeAll(async () => {
    project = makeTempDir('attune-notices-');
    const p = (path: string) => join(project.path, path);
    const pkg = (dir: string, fields: Record<string, unknown>) => write(p(`${dir}/package.json`), JSON.stringify({ type: 'module', main: 'index.js', ...fields }));
    // alpha uses its own nested gamma 0.1.0; a different top-level gamma is never imported.
    pkg('node_modules/alpha', { name: 'alpha', version: '1.2.3', license: 'MIT', repository: 'git+https://example.org/alpha.git' });
    write(p('node_modules/alpha/index.js'), "import { g } from 'gamma';\nexport const a = () => 'alpha:' + g;\n");
    write(p('node_modules/alpha/LICENSE'), 'Alpha licence text\nCopyright Alpha Author');
    pkg('node_modules/alpha/node_modules/gamma', { name: 'gamma', version: '0.1.0', license: 'ISC' });
    write(p('node_modules/alpha/node_modules/gamma/index.js'), "export const g = 'gamma';\n");
    write(p('node_modules/alpha/node_modules/gamma/COPYING'), 'Gamma copying text');
    pkg('node_modules/gamma', { name: 'gamma', version: '9.9.9', license: 'GPL-3.0' });
    write(p('node_modules/gamma/index.js'), "export const g = 'wrong gamma';\n");
    // A scoped package whose code sits below a nested package.json that has no name.
    pkg('node_modules/@scope/beta', { name: '@scope/beta', version: '2.0.0', license: 'Apache-2.0', main: 'lib/index.js' });
    write(p('node_modules/@scope/beta/lib/package.json'), '{"type":"module"}');
    write(p('node_modules/@scope/beta/lib/index.js'), "export const b = () => 'beta';\n");
    write(p('node_modules/@scope/beta/LICENCE.txt'), 'Beta licence text');
    write(p('node_modules/@scope/beta/NOTICE'), 'Beta notice text');
    // Only a README with a licence section, and the old "licenses" array.
    pkg('node_modules/delta', { name: 'delta', version: '0.0.1', licenses: [{ type: 'MIT' }] });
    write(p('node_modules/delta/index.js'), "export default 'delta';\n");
    write(p('node_modules/delta/README.md'), '# delta\n\nDoes things.\n\n## License\n\nMIT © Delta Author\n\n## Thanks\n\nNot licence text.\n');
    pkg('node_modules/unused', { name: 'unused', version: '1.0.0', license: 'MIT' });
    write(p('node_modules/unused/index.js'), "export const u = 'unused';\n");
    write(p('main.js'), "import { a } from 'alpha';\nconsole.log(a());\n");
    write(p('window.js'), "import { a } from 'alpha';\nimport { b } from '@scope/beta';\nimport d from 'delta';\nconsole.log(a(), b(), d);\n");

    const collector = thirdPartyNotices({ outFile: p('out/NOTICES.txt'), product: { name: 'Fixture', version: '9.0.0' }, resolvePackageDir: () => null });
    const bundle = (name: string, entry: string): InlineConfig => ({
      root: project.path,
      configFile: false,
      logLevel: 'silent',
      plugins: [collector.plugin(name)],
      build: { outDir: p(`out/${name}`), minify: false, rollupOptions: { input: p(entry) } },
    });
    // Two builds into one file, as electron-vite runs main, preload and renderer in turn.
    await build(bundle('main', 'main.js'));
    await build(bundle('renderer', 'window.js'));
    notices = readFileSync(p('out/NOTICES.txt'), 'utf8');
  }, 60_000);

  afterAll(() => project.cleanup());

  it('lists exactly the packages whose code is bundled, at the version actually used', () => {
    expect([...listed(notices)]).toEqual([
      ['@scope/beta', { version: '2.0.0', licence: 'Apache-2.0' }],
      ['alpha', { version: '1.2.3', licence: 'MIT' }],
      ['delta', { version: '0.0.1', licence: '(MIT)' }],
      ['gamma', { version: '0.1.0', licence: 'ISC' }],
    ]);
    expect(notices).toMatch(/^Fixture 9\.0\.0: third-party software notices$/m);
  });

  it('copies every licence and notice file in full, or a README licence section when there is none', () => {
    expect(section(notices, 'alpha', '1.2.3')).toContain('--- LICENSE ---\nAlpha licence text\nCopyright Alpha Author');
    expect(section(notices, 'alpha', '1.2.3')).toContain('Source: https://example.org/alpha');
    expect(section(notices, 'gamma', '0.1.0')).toContain('--- COPYING ---\nGamma copying text');
    const beta = section(notices, '@scope/beta', '2.0.0');
    expect(beta).toContain('--- LICENCE.txt ---\nBeta licence text');
    expect(beta).toContain('--- NOTICE ---\nBeta notice text');
    const delta = section(notices, 'delta', '0.0.1');
    expect(delta).toContain('--- README.md, licence section ---\nMIT © Delta Author');
    expect(delta).not.toContain('Not licence text');
  });

  it('says which part of the app uses each package', () => {
    expect(section(notices, 'alpha', '1.2.3')).toContain('Used in: the main process, the window');
    expect(section(notices, 'delta', '0.0.1')).toContain('Used in: the window');
  });
});

describe('finding the package of a bundled module', () => {
  it('takes the last node_modules folder, scoped or not, on any platform and with queries', () => {
    expect(packageDirOf('/app/node_modules/react/cjs/react.production.js')).toBe('/app/node_modules/react');
    expect(packageDirOf('/app/node_modules/a/node_modules/@s/b/x.js?commonjs-proxy')).toBe('/app/node_modules/a/node_modules/@s/b');
    expect(packageDirOf('C:\\app\\node_modules\\zod\\index.js')).toBe('C:/app/node_modules/zod');
    expect(packageDirOf('/app/node_modules/.pnpm/react@19.0.0/node_modules/react/index.js')).toBe('/app/node_modules/.pnpm/react@19.0.0/node_modules/react');
    expect(packageDirOf('/app/renderer/main.tsx')).toBeNull();
    expect(packageDirOf('\0commonjsHelpers.js')).toBeNull();
  });

  it('counts the bundler’s injected helpers as Vite’s and Rolldown’s code', () => {
    const asked: string[] = [];
    const resolve = (name: string) => (asked.push(name), `/tools/${name}`);
    expect(packageDirOf('\0vite/preload-helper.js', resolve)).toBe('/tools/vite');
    expect(packageDirOf('\0rolldown/runtime.js', resolve)).toBe('/tools/rolldown');
    expect(asked).toEqual(['vite', 'rolldown']);
  });

  it('reads a README licence section up to the next heading of the same level', () => {
    expect(readmeLicenceSection('# x\n### LICENSE\n\nMIT\n#### Detail\nmore\n### Next\nno')).toBe('MIT\n#### Detail\nmore');
    expect(readmeLicenceSection('# x\nno licence here')).toBeNull();
  });
});

describe('the notices shipped in out/ (after npm run build)', () => {
  let notices = '';
  let names = new Map<string, { version: string; licence: string }>();

  beforeAll(() => {
    if (!existsSync(NOTICES)) throw new Error('out/THIRD_PARTY_NOTICES.txt is missing: run `npm run build` before this test');
    notices = readFileSync(NOTICES, 'utf8');
    names = listed(notices);
  });

  it('lists the packages Attune is known to bundle, each at its installed version with its licence text', () => {
    const known = ['react', 'react-dom', 'scheduler', 'zod', 'recharts', 'electron-store', 'conf', 'lucide-react', 'minisearch', 'fft.js', '@fontsource-variable/nunito-sans', '@tanstack/react-virtual'];
    for (const name of known) {
      const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(names.get(name)?.version, name).toBe(installed.version);
      const body = section(notices, name, installed.version);
      expect(body, name).toMatch(/\n--- .+ ---\n\S/);
    }
    // The licence text really is the package's: React's names its copyright holder.
    const reactLicence = readFileSync(join(ROOT, 'node_modules', 'react', 'LICENSE'), 'utf8').trim();
    expect(section(notices, 'react', names.get('react')!.version)).toContain(reactLicence);
    expect(notices).toContain('LICENSE.electron.txt and LICENSES.chromium.html');
  });

  it('covers every package the main and preload bundles contain, as marked by the bundler', () => {
    for (const file of ['out/main/index.js', 'out/preload/index.cjs']) {
      const marked = packagesMarkedIn(readFileSync(join(ROOT, file), 'utf8'));
      if (file.includes('main')) expect(marked.size).toBeGreaterThan(5);
      for (const name of marked) expect(names.has(name), `${name} (in ${file})`).toBe(true);
    }
  });

  it('covers every package in the renderer bundle (rebuilt unminified in memory, so the bundler marks them)', async () => {
    const renderer = electronViteConfig.renderer as InlineConfig;
    const result = (await build({
      ...renderer,
      root: join(ROOT, 'renderer'),
      configFile: false,
      logLevel: 'silent',
      build: { ...renderer.build, minify: false, write: false },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const chunks = (Array.isArray(result) ? result : [result]).flatMap((output) => output.output).filter((output) => output.type === 'chunk');
    const marked = new Set(chunks.flatMap((chunk) => [...packagesMarkedIn(chunk.code)]));
    expect(marked).toContain('react-dom');
    for (const name of marked) expect(names.has(name), name).toBe(true);
  }, 120_000);

  it('lists nothing that only builds or tests the app', () => {
    for (const tool of ['electron', 'electron-builder', 'electron-vite', 'typescript', 'vitest', 'eslint', 'happy-dom', 'puppeteer-core', '@vitejs/plugin-react']) {
      expect(names.has(tool), tool).toBe(false);
    }
  });
});
