// Preflight for the npm scripts that run TypeScript directly or start Electron. Deliberately
// old-fashioned JavaScript (CommonJS, var, no modern syntax): it has to run, and explain
// itself in one sentence, on a Node far too old for the rest of the project.
//
// The supported range lives in one place, package.json's `engines.node`. Its lower bound is
// 22.18.0 because the project's .ts scripts (npm start, analyze, bench, the CI checks) run on
// Node's own type stripping, switched on by default from 22.18; 22.17 fails on them.
'use strict';

var fs = require('fs');
var path = require('path');

function parseVersion(text) {
  var match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(text).trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function compareVersions(a, b) {
  for (var i = 0; i < 3; i += 1) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/**
 * The range's alternatives: `^X.Y.Z` (same major, at least X.Y.Z) and `>=X.Y.Z`, joined by
 * `||`. These are the only shapes engines.node uses here; anything else is refused loudly
 * rather than guessed at.
 */
function parseRange(range) {
  return String(range)
    .split('||')
    .map(function (part) {
      var match = /^\s*(\^|>=)\s*v?(\d+\.\d+\.\d+)\s*$/.exec(part);
      if (!match) throw new Error('check-node.cjs understands only ^X.Y.Z and >=X.Y.Z in engines.node, not "' + part.trim() + '"');
      return { kind: match[1], from: parseVersion(match[2]) };
    });
}

function satisfies(versionText, range) {
  var version = parseVersion(versionText);
  if (version === null) return false;
  return parseRange(range).some(function (alternative) {
    if (compareVersions(version, alternative.from) < 0) return false;
    return alternative.kind === '>=' || version[0] === alternative.from[0];
  });
}

function describeVersion(v) {
  return v[2] === 0 ? (v[1] === 0 ? String(v[0]) : v[0] + '.' + v[1]) : v.join('.');
}

/** "22 (22.18 or later), 24, or 26 and newer" for "^22.18.0 || ^24.0.0 || >=26.0.0". */
function describeRange(range) {
  var words = parseRange(range).map(function (alternative) {
    var from = alternative.from;
    if (alternative.kind === '>=') return describeVersion(from) + ' and newer';
    return from[1] === 0 && from[2] === 0 ? String(from[0]) : from[0] + ' (' + describeVersion(from) + ' or later)';
  });
  if (words.length === 1) return words[0];
  return words.slice(0, -1).join(', ') + ', or ' + words[words.length - 1];
}

/**
 * One sentence saying why this Node cannot run the project, or null when it can.
 * `typeStripping` is process.features.typescript: 'strip' or 'transform' when on, false when
 * switched off, undefined on a Node that predates it.
 */
function nodeProblem(options) {
  if (!satisfies(options.version, options.range)) {
    return (
      'Attune needs Node.js ' + describeRange(options.range) + ' (this is Node ' + String(options.version).replace(/^v/, '') + '): ' +
      'its scripts run TypeScript through Node\'s built-in type stripping. Install a current LTS from https://nodejs.org and run the command again.'
    );
  }
  if (options.typeStripping === false) {
    return (
      'Node ' + String(options.version).replace(/^v/, '') + ' has its TypeScript type stripping switched off ' +
      '(look for --no-experimental-strip-types in NODE_OPTIONS); Attune\'s scripts need it on.'
    );
  }
  return null;
}

function enginesRange(packageJsonPath) {
  var pkg = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
  return pkg.engines && pkg.engines.node;
}

module.exports = { nodeProblem: nodeProblem, satisfies: satisfies, describeRange: describeRange, enginesRange: enginesRange };

if (require.main === module) {
  var problem = nodeProblem({
    version: process.versions.node,
    typeStripping: process.features ? process.features.typescript : undefined,
    range: enginesRange(path.join(__dirname, '..', 'package.json')),
  });
  if (problem !== null) {
    process.stderr.write(problem + '\n');
    process.exit(1);
  }
}
