import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/temp-project.ts';

// Which Node runs Attune's scripts, said once (package.json engines) and checked by the
// preflight every script runs first (scripts/check-node.cjs).

type CheckNode = {
  nodeProblem(options: { version: string; typeStripping: unknown; range: string }): string | null;
  enginesRange(packageJsonPath: string): string;
};
const require = createRequire(import.meta.url);
const checkNode = require('../../../scripts/check-node.cjs') as CheckNode;
const pkg = JSON.parse(readFileSync(`${PROJECT_ROOT}package.json`, 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const range = pkg.engines.node;
const RECORDING = 'tests/fixtures/rr/rhenanbartels-hrv_rest_rri_supine15min.rr_ms.txt';

function node(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
}

describe('the Node versions Attune runs on', () => {
  it('starts at 22.18 and stays inside what every tool the project runs on supports', () => {
    expect(semver.minVersion(range)?.version).toBe('22.18.0');
    for (const name of Object.keys(pkg.devDependencies)) {
      const manifest = JSON.parse(readFileSync(`${PROJECT_ROOT}node_modules/${name}/package.json`, 'utf8')) as { engines?: { node?: string } };
      const theirs = manifest.engines?.node;
      if (theirs === undefined) continue;
      expect(semver.subset(range, theirs), `${name} supports Node ${theirs}`).toBe(true);
    }
  });

  it('needs 22.18 because the .ts scripts run on type stripping, which older Node lacks by default', () => {
    const withStripping = node([ 'main/cli/analyze.ts', RECORDING ]);
    expect(withStripping.status, withStripping.stderr).toBe(0);
    expect(withStripping.stdout).toContain('910 beats');
    // Node 22.17 behaves like this: it refuses the .ts entry point outright.
    const withoutStripping = node(['--no-experimental-strip-types', 'main/cli/analyze.ts', RECORDING]);
    expect(withoutStripping.status).not.toBe(0);
    expect(withoutStripping.stderr).toContain('ERR_UNKNOWN_FILE_EXTENSION');
  });

  it('runs the preflight before every script that needs it, and the preflight says why in one sentence', () => {
    for (const script of ['preinstall', 'start', 'dev', 'test', 'bench', 'analyze', 'dist']) {
      expect(pkg.scripts[script], script).toMatch(/^node scripts\/check-node\.cjs( &&|$)/);
    }
    expect(node(['scripts/check-node.cjs']).status).toBe(0);
    const refused = node(['--no-experimental-strip-types', 'scripts/check-node.cjs']);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/type stripping switched off/);
  });

  it('the preflight accepts exactly the versions engines allows, and names the one it refused', () => {
    const versions = ['18.20.8', '20.19.0', '20.20.2', '22.12.0', '22.17.1', '22.18.0', '22.23.3', '23.11.1', '24.0.0', '24.11.1', '25.2.1', '26.0.0', '27.1.0'];
    for (const version of versions) {
      const problem = checkNode.nodeProblem({ version, typeStripping: 'strip', range });
      expect(problem === null, version).toBe(semver.satisfies(version, range));
    }
    expect(checkNode.nodeProblem({ version: '22.17.1', typeStripping: undefined, range })).toBe(
      "Attune needs Node.js 22 (22.18 or later), 24, or 26 and newer (this is Node 22.17.1): its scripts run TypeScript through Node's built-in type stripping. Install a current LTS from https://nodejs.org and run the command again.",
    );
    expect(checkNode.enginesRange(`${PROJECT_ROOT}package.json`)).toBe(range);
  });

  it('the README and CI name the same minimum', () => {
    expect(readFileSync(`${PROJECT_ROOT}README.md`, 'utf8')).toMatch(/Node\.js 22\.18/);
    expect(readFileSync(`${PROJECT_ROOT}.ci/run`, 'utf8')).toContain('scripts/check-node.cjs');
  });
});
