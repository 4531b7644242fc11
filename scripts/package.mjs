#!/usr/bin/env node
// @ts-check
// `npm run package`: builds the bundles (minified) and packs the extension into a .vsix with
// @vscode/vsce, offline: bundles + manifest assets only (see .vscodeignore; --no-dependencies,
// since everything the extension runs is bundled). Prints the file list and the size.
// Usage: node scripts/package.mjs [--out <file.vsix>] [--skip-build]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// DR_EXTENSION_PATH: package another extension folder (default: this repository)
const ROOT = path.resolve(process.env.DR_EXTENSION_PATH ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
process.chdir(ROOT);
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const outAt = process.argv.indexOf('--out');
const out = path.resolve(outAt > 0 ? process.argv[outAt + 1] : `${pkg.name}-${pkg.version}.vsix`);

/** Names in a zip file's central directory. */
function zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(at + 28);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return names;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    console.error(`package: ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(1);
  }
  return r.stdout;
}

if (!process.argv.includes('--skip-build')) run('node', ['esbuild.mjs']);
const vsce = fileURLToPath(new URL('../node_modules/@vscode/vsce/vsce', import.meta.url));
const flags = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
if (!fs.readdirSync('.').some((f) => /^licen[sc]e(\.md|\.txt)?$/i.test(f))) flags.push('--skip-license');
fs.rmSync(out, { force: true });
run('node', [vsce, 'package', ...flags, '--out', out]);
const files = zipEntries(fs.readFileSync(out))
  .filter((f) => f.startsWith('extension/'))
  .map((f) => f.slice('extension/'.length))
  .sort();
const size = fs.statSync(out).size;
console.log(`package: ${path.relative(ROOT, out)}, ${files.length} files, ${(size / 1024).toFixed(1)} KiB`);
for (const f of files) console.log(`  ${f}`);
const unexpected = files.filter((f) => /(^|\/)(node_modules|src|test)\//.test(f) || /\.(ts|map)$/.test(f));
if (unexpected.length) {
  console.error(`package: sources or dependencies in the .vsix: ${unexpected.join(', ')}`);
  process.exit(1);
}
