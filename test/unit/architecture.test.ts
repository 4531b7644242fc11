// ARCHITECTURE.md, kept true mechanically (a tidy test, as rust-analyzer's xtask/src/tidy.rs): the
// "what must never import what" rules are read off every import of every source file, and every
// path the page names exists.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = /\.(ts|mts|mjs|js|cjs)$/;

function files(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures' && entry.name !== 'tmp') out.push(...files(rel));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

interface Import {
  /** the importing file, relative to the repository */
  file: string;
  specifier: string;
  /** the imported file, relative to the repository, for a relative specifier */
  target?: string;
  /** a package (its name) or a Node built-in ('node:fs') */
  pkg?: string;
}

const IMPORT_RE = [
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /(?:^|[\s;])import\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(ROOT, dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.mjs`, `${base}.js`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  return relative(ROOT, base);
}

function importsOf(file: string): Import[] {
  // full-line comments out (an import named in a comment is no import)
  const text = readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
    .join('\n');
  const out: Import[] = [];
  for (const re of IMPORT_RE) {
    for (const m of text.matchAll(re)) {
      const specifier = m[1];
      if (specifier.startsWith('.')) out.push({ file, specifier, target: resolveRelative(file, specifier) });
      else {
        const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        out.push({ file, specifier, pkg });
      }
    }
  }
  return out;
}

const isNode = (i: Import) => !!i.pkg && (i.pkg.startsWith('node:') || builtinModules.includes(i.pkg));
const under = (path: string | undefined, dir: string) => !!path && (path === dir || path.startsWith(`${dir}/`));

const ALL = ['server/src', 'client/src', 'scripts', 'test', 'bench'].flatMap(files);
const IMPORTS = ALL.flatMap(importsOf);
const from = (dir: string) => IMPORTS.filter((i) => under(i.file, dir));
const show = (i: Import) => `${i.file} imports '${i.specifier}'`;

function noViolations(imports: Import[], allowed: (i: Import) => boolean): void {
  const bad = imports.filter((i) => !allowed(i)).map(show);
  assert.deepEqual(bad, []);
}

test('the import reader sees the imports (a check that reads nothing would pass anything)', () => {
  assert.ok(ALL.length > 80, `${ALL.length} source files`);
  const analyze = IMPORTS.filter((i) => i.file === 'server/src/core/analyze.ts').map((i) => i.target);
  assert.ok(analyze.includes('server/src/core/align/index.ts'), JSON.stringify(analyze));
  assert.ok(IMPORTS.some((i) => i.file === 'server/src/features/hover.ts' && i.pkg === 'vscode-languageserver'));
  assert.ok(IMPORTS.some((i) => i.file === 'server/src/nodeHost.ts' && isNode(i)));
});

test('the core imports only its own files, chevrotain and zod: no vscode, no Node, nothing else of the server', () => {
  noViolations(from('server/src/core'), (i) => (i.target ? under(i.target, 'server/src/core') : i.pkg === 'chevrotain' || i.pkg === 'zod'));
});

test('outside the core, the core is imported only through core/index.ts', () => {
  const outside = IMPORTS.filter((i) => !under(i.file, 'server/src/core') && !under(i.file, 'test'));
  noViolations(outside, (i) => !under(i.target, 'server/src/core') || i.target === 'server/src/core/index.ts');
});

test('the readers are pure: their own files, core/index.ts and their libraries; the core never imports them', () => {
  const LIBS = ['pdfjs-dist', 'fflate', 'saxes', 'parse5'];
  noViolations(from('server/src/readers'), (i) =>
    i.target ? under(i.target, 'server/src/readers') || i.target === 'server/src/core/index.ts' : LIBS.includes(i.pkg!),
  );
  noViolations(from('server/src/core'), (i) => !under(i.target, 'server/src/readers'));
});

test('the view is pure: its own files and core/index.ts only', () => {
  noViolations(
    from('server/src/view'),
    (i) => !!i.target && (under(i.target, 'server/src/view') || i.target === 'server/src/core/index.ts'),
  );
});

test('features import the shared modules and the view, never each other, never vscode', () => {
  const SHARED = ['context', 'convert', 'guard', 'protocol', 'lsp', 'strings', 'testHooks'].map((m) => `server/src/${m}.ts`);
  noViolations(from('server/src/features'), (i) =>
    i.target
      ? i.target === 'server/src/core/index.ts' || SHARED.includes(i.target) || under(i.target, 'server/src/view')
      : i.pkg === 'vscode-languageserver',
  );
  const listers = IMPORTS.filter((i) => under(i.target, 'server/src/features') && !under(i.file, 'test')).map((i) => i.file);
  assert.deepEqual([...new Set(listers)], ['server/src/server.ts'], 'server.ts is the only place that lists the features');
});

test('the CLI uses the core, the Node host, readers (and their loader), view and Node; never the language server', () => {
  noViolations(from('server/src/cli'), (i) =>
    i.target
      ? under(i.target, 'server/src/cli') ||
        i.target === 'server/src/core/index.ts' ||
        i.target === 'server/src/nodeHost.ts' ||
        i.target === 'server/src/loadReaders.ts' ||
        under(i.target, 'server/src/readers') ||
        under(i.target, 'server/src/view')
      : isNode(i),
  );
});

test('the client imports vscode, vscode-languageclient and protocol.ts only; its webview page draws with the view', () => {
  const webview = (f: string) => under(f, 'client/src/webview');
  noViolations(
    from('client/src').filter((i) => !webview(i.file)),
    (i) =>
      i.target
        ? under(i.target, 'client/src') || i.target === 'server/src/protocol.ts'
        : i.pkg === 'vscode' || i.pkg === 'vscode-languageclient',
  );
  // the webview page is a page of its own: no vscode API, only the view's renderer and types
  noViolations(
    from('client/src').filter((i) => webview(i.file)),
    (i) =>
      !!i.target &&
      (webview(i.target) || ['server/src/view/render.ts', 'server/src/view/types.ts', 'server/src/protocol.ts'].includes(i.target)),
  );
});

test('nothing of the product imports the tests, the scripts or the bench; nothing of the server imports the client', () => {
  const product = IMPORTS.filter((i) => under(i.file, 'server/src') || under(i.file, 'client/src'));
  noViolations(product, (i) => !['test', 'scripts', 'bench'].some((d) => under(i.target, d)));
  noViolations(from('server/src'), (i) => !under(i.target, 'client/src') && i.pkg !== 'vscode' && i.pkg !== 'vscode-languageclient');
});

test('scripts import nothing from server/ or client/, except generate.ts reading core/index.ts', () => {
  noViolations(from('scripts'), (i) =>
    i.file === 'scripts/generate.ts' && i.target === 'server/src/core/index.ts'
      ? true
      : !under(i.target, 'server') && !under(i.target, 'client'),
  );
});

// ------------------------------------------------------------------ paths named by ARCHITECTURE.md

/** `a/{b,c}.ts` → a/b.ts, a/c.ts */
function expand(path: string): string[] {
  const m = /^(.*)\{([^}]+)\}(.*)$/.exec(path);
  return m ? m[2].split(',').flatMap((alt) => expand(m[1] + alt + m[3])) : [path];
}

function subfolders(dir: string): string[] {
  if (!existsSync(join(ROOT, dir)) || !statSync(join(ROOT, dir)).isDirectory()) return [];
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `${dir}${e.name}/`);
}

const PATHLIKE = /^[\w.\-/{},]+$/;
const FILELIKE = /\.(ts|mjs|js|cjs|json|md|sh|png)$|\/$/;

test("every path ARCHITECTURE.md names exists (a table row's bare names, in the row's folder)", () => {
  const doc = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const missing: string[] = [];
  let checked = 0;
  const check = (path: string, line: string) => {
    if (path.startsWith('dist/') && !existsSync(join(ROOT, 'dist'))) return; // built by npm test's build stage
    checked++;
    if (!existsSync(join(ROOT, path))) missing.push(`${path} (in: ${line.trim().slice(0, 80)})`);
  };
  for (const line of doc.split('\n')) {
    if (/\(planned\)|being built/.test(line)) continue;
    const tokens = [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((t) => PATHLIKE.test(t) && FILELIKE.test(t));
    const cells = line.startsWith('|') ? line.split('|').slice(1, -1) : [];
    // a table row: the first cell names folders (or files); bare names in the row live in its folders
    const rowDirs = cells.length ? [...cells[0].matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((t) => t.includes('/')) : [];
    const dirOf = (t: string) => (t.endsWith('/') ? t : t.slice(0, t.lastIndexOf('/') + 1));
    for (const token of tokens) {
      for (const path of expand(token)) {
        if (path.includes('/') && existsSync(join(ROOT, path.split('/')[0]))) check(path, line);
        else if (path.startsWith('.') && !path.includes('/'))
          continue; // a file name as a concept (.disclosure-report.json)
        else if (rowDirs.length) {
          // in one of the row's folders or a folder inside it (cli/ → output/text.ts), or at the root
          const dirs = rowDirs.map(dirOf).flatMap((d) => [d, ...subfolders(d)]);
          const found = [...dirs, ''].some((d) => existsSync(join(ROOT, d, path)));
          checked++;
          if (!found) missing.push(`${path} in ${rowDirs.join(', ')}`);
        } else if (!path.includes('/') && existsSync(join(ROOT, path))) checked++;
        else if (!path.includes('/')) missing.push(`${path} (in: ${line.trim().slice(0, 80)})`);
        else check(path, line);
      }
    }
  }
  assert.ok(checked > 60, `${checked} paths checked`);
  assert.deepEqual(missing, [], 'ARCHITECTURE.md names paths that do not exist');
});
