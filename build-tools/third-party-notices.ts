import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

// Licence notices for every npm package whose code ships inside Attune. Everything the app
// runs is bundled by electron-vite (main, preload and renderer, no node_modules at run time),
// so the bundler's module graph is the complete list: each build reports the packages its
// modules come from, and one THIRD_PARTY_NOTICES.txt lists them all with version, licence
// and the licence text the package ships (LICENSE, LICENCE, COPYING, NOTICE…). It lands in
// out/, which electron-builder packs (files: out/**/*). Electron's own licence and
// Chromium's notices ship with Electron already (LICENSE.electron.txt, LICENSES.chromium.html).

export type LicenceFile = { file: string; text: string };

export type BundledPackage = {
  name: string;
  version: string;
  /** The SPDX expression from package.json ("MIT", "(MIT OR Apache-2.0)"…). */
  licence: string;
  /** Folder of the package on disk (the first one seen, for the same name and version). */
  dir: string;
  source: string | null;
  licenceFiles: LicenceFile[];
  /** Which bundles include it: "main", "preload", "renderer". */
  usedIn: Set<string>;
};

const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.\-_].*)?$/i;
const README_FILE = /^readme(\.(md|markdown|txt))?$/i;

/**
 * The "License" section of a README (its heading down to the next heading of the same or a
 * higher level), for the few packages that keep their licence there instead of in a file.
 */
export function readmeLicenceSection(readme: string): string | null {
  const lines = readme.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((line) => /^#{1,6}\s*licen[cs]e\b/i.test(line));
  if (start === -1) return null;
  const level = /^#+/.exec(lines[start]!)![0].length;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i += 1) {
    const heading = /^(#{1,6})\s/.exec(lines[i]!);
    if (heading && heading[1]!.length <= level) {
      end = i;
      break;
    }
  }
  const text = lines.slice(start + 1, end).join('\n').trim();
  return text === '' ? null : text;
}

/**
 * The package folder a bundled module belongs to, or null for the app's own modules. Takes
 * the last node_modules segment, so nested copies and pnpm's layout both resolve to the
 * package that really provided the code. Virtual modules the bundler injects ("\0vite/…",
 * "\0rolldown/…") are helpers copied from Vite and Rolldown, so they count as those.
 */
export function packageDirOf(moduleId: string, resolvePackageDir: (name: string) => string | null = defaultPackageDir): string | null {
  const id = moduleId.replace(/\\/g, '/').split('?')[0]!;
  const virtual = /^\0(vite|rolldown)\//.exec(id);
  if (virtual) return resolvePackageDir(virtual[1]!);
  const marker = id.lastIndexOf('/node_modules/');
  if (marker === -1 || id.startsWith('\0')) return null;
  const rest = id.slice(marker + '/node_modules/'.length).split('/');
  const nameParts = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= nameParts) return null;
  return `${id.slice(0, marker)}/node_modules/${rest.slice(0, nameParts).join('/')}`;
}

const requireFromHere = createRequire(import.meta.url);

function defaultPackageDir(name: string): string | null {
  try {
    let dir = dirname(requireFromHere.resolve(name));
    // Walk up from the entry point to the folder whose package.json names the package.
    for (;;) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
        if (pkg.name === name) return dir;
      } catch {
        // no package.json here
      }
      const parent = dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  } catch {
    return null;
  }
}

type PackageJson = {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: Array<{ type?: string }>;
  homepage?: string;
  repository?: string | { url?: string };
};

function licenceOf(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  const listed = (pkg.licenses ?? []).map((entry) => entry.type).filter(Boolean);
  return listed.length > 0 ? `(${listed.join(' OR ')})` : 'not stated';
}

/** Where the package's source lives, as a plain https address when package.json allows. */
function sourceOf(pkg: PackageJson): string | null {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const url = repository ?? pkg.homepage ?? null;
  if (url === null) return null;
  if (/^[\w.-]+\/[\w.-]+$/.test(url)) return `https://github.com/${url}`; // "owner/repo" shorthand
  return url
    .replace(/^github:/, 'https://github.com/')
    .replace(/^git\+/, '')
    .replace(/^(ssh:\/\/)?git@([^/:]+)[/:]/, 'https://$2/')
    .replace(/^git:\/\//, 'https://')
    .replace(/\.git$/, '');
}

/** Reads a package folder: name, version and licence from package.json, and its licence files. */
export function readPackage(dir: string): Omit<BundledPackage, 'usedIn'> {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  const files = readdirSync(dir).filter((file) => statSync(join(dir, file)).isFile()).sort();
  const licenceFiles = files
    .filter((file) => LICENCE_FILE.test(file))
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trimEnd() }));
  if (licenceFiles.length === 0) {
    for (const file of files.filter((name) => README_FILE.test(name))) {
      const section = readmeLicenceSection(readFileSync(join(dir, file), 'utf8'));
      if (section !== null) licenceFiles.push({ file: `${file}, licence section`, text: section });
    }
  }
  return {
    name: pkg.name ?? dir.split('/').pop()!,
    version: pkg.version ?? 'unknown',
    licence: licenceOf(pkg),
    dir,
    source: sourceOf(pkg),
    licenceFiles,
  };
}

const WHERE: Record<string, string> = { main: 'the main process', preload: 'the preload script', renderer: 'the window' };

export function formatNotices(packages: Iterable<BundledPackage>, product: { name: string; version: string }): string {
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'));
  const rule = '='.repeat(78);
  const lines = [
    `${product.name} ${product.version}: third-party software notices`,
    '',
    `${product.name} includes the open-source packages below, bundled into its main process, its`,
    'preload script and its window. Each is listed with its version, its licence and the',
    'licence text it ships with.',
    '',
    'Electron, with the Chromium and Node.js inside it, brings its own notices:',
    `LICENSE.electron.txt and LICENSES.chromium.html, next to the ${product.name} program (in`,
    `${product.name}.app/Contents/Resources on macOS).`,
    '',
    `${sorted.length} packages:`,
    ...sorted.map((p) => `  ${p.name} ${p.version} (${p.licence})`),
  ];
  for (const p of sorted) {
    lines.push('', rule, `${p.name} ${p.version}`, `Licence: ${p.licence}`);
    lines.push(`Used in: ${[...p.usedIn].sort().map((bundle) => WHERE[bundle] ?? bundle).join(', ')}`);
    if (p.source) lines.push(`Source: ${p.source}`);
    if (p.licenceFiles.length === 0) {
      lines.push('', `The package ships no licence text; its package.json gives the licence as ${p.licence}.`);
    }
    for (const file of p.licenceFiles) lines.push('', `--- ${file.file} ---`, file.text);
  }
  return `${lines.join('\n')}\n`;
}

export type NoticesOptions = {
  /** Where the combined notices go, e.g. out/THIRD_PARTY_NOTICES.txt. */
  outFile: string;
  product: { name: string; version: string };
  /** Finds a package's folder by name (for the bundler's virtual helpers); Node's resolution by default. */
  resolvePackageDir?: (name: string) => string | null;
};

/**
 * One collector for the whole electron-vite build: `plugin("main")`, `plugin("preload")` and
 * `plugin("renderer")` each report their bundle's packages, and after every bundle is written
 * the notices file is rewritten with everything seen so far, so it is complete after the last
 * one whatever order they run in.
 */
export function thirdPartyNotices(options: NoticesOptions): { plugin(bundleName: string): Plugin; packages(): BundledPackage[] } {
  const byKey = new Map<string, BundledPackage>();
  const dirCache = new Map<string, Omit<BundledPackage, 'usedIn'>>();

  const record = (moduleId: string, bundleName: string) => {
    const dir = packageDirOf(moduleId, options.resolvePackageDir);
    if (dir === null) return;
    let info = dirCache.get(dir);
    if (!info) {
      info = readPackage(dir);
      dirCache.set(dir, info);
    }
    const key = `${info.name}@${info.version}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { ...info, usedIn: new Set() };
      byKey.set(key, entry);
    }
    entry.usedIn.add(bundleName);
  };

  return {
    packages: () => [...byKey.values()],
    plugin: (bundleName) => ({
      name: `attune:third-party-notices:${bundleName}`,
      apply: 'build',
      generateBundle(_output, bundle) {
        // The whole module graph (CSS included, e.g. a font's stylesheet), and every module
        // that was rendered into a chunk, in case a plugin added one outside the graph.
        for (const id of this.getModuleIds()) record(id, bundleName);
        for (const output of Object.values(bundle)) {
          if (output.type === 'chunk') for (const id of Object.keys(output.modules)) record(id, bundleName);
        }
      },
      writeBundle() {
        mkdirSync(dirname(options.outFile), { recursive: true });
        writeFileSync(options.outFile, formatNotices(byKey.values(), options.product));
      },
    }),
  };
}
