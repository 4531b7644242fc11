// `.disclosure-report.json` and the editor settings share one schema, validated by zod (mini: see zod.ts).
// Loading walks up from a report's folder through an injected file host, so this module stays
// free of Node's fs (the core also runs in a web worker). The same host reads the custom formats
// the file names in `templates` (paths relative to the config file); a bad one is reported by path
// and key, and the built-in formats still apply.
import { RULE_CODES } from './rules/index';
import { parseTemplate, TEMPLATES, type Template } from './templates/index';
import * as z from './zod';

export const CONFIG_FILE_NAME = '.disclosure-report.json';

export const RULE_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'] as const;
const ruleSetting = z.enum(RULE_SETTINGS);
export type RuleSetting = z.infer<typeof ruleSetting>;

/** One accepted finding (checks.md, `accept`): every field given must match. */
const acceptEntry = z.strictObject({
  code: z.string().check(z.minLength(1), z.describe('The finding code.')),
  file: z.optional(z.string().check(z.minLength(1), z.describe('The report, relative to this file; a glob (*, **, ?) may match several.'))),
  table: z.optional(z.enum(['二', '三', '四'])),
  block: z.optional(z.string()),
  row: z.optional(z.string()),
  column: z.optional(z.string()),
  expected: z.optional(z.number()),
  actual: z.optional(z.number()),
  reason: z.optional(z.string().check(z.describe('Why it was accepted (shown with the accepted finding).'))),
});
export type AcceptEntry = z.infer<typeof acceptEntry>;

/** The file's shape. scripts/generate.ts publishes it as schemas/disclosure-report.schema.json. */
export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  rules: z.optional(z.record(z.string(), ruleSetting).check(z.describe('Severity of each check, or off, by finding code.'))),
  format: z.optional(
    z
      .string()
      .check(
        z.minLength(1),
        z.describe("The reports' table format: auto (detect it), a built-in format's id, or the id of one of templates."),
      ),
  ),
  decimalPlaces: z.optional(
    z
      .nullable(z.number().check(z.int(), z.gte(0), z.lte(10)))
      .check(z.describe('Require this many decimals in money cells even where the header states no rule; null: only where it states one.')),
  ),
  templates: z.optional(
    z
      .array(z.string().check(z.minLength(1)))
      .check(z.describe("Custom formats: template files of the built-in formats' shape, relative to this file.")),
  ),
  accept: z.optional(
    z
      .array(acceptEntry)
      .check(
        z.describe(
          'Findings a person has reviewed and accepted: a finding is accepted when every field given matches it (file: a glob relative to this file; expected/actual: its values when accepted, so a changed number brings it back).',
        ),
      ),
  ),
});

export interface Config {
  rules: Record<string, RuleSetting>;
  /** 'auto', or the id of a format (a built-in one or one of `templates`) */
  format: string;
  decimalPlaces: number | null;
  /** custom formats loaded from the config file's `templates`; the built-in ones always apply */
  templates: readonly Template[];
  /** accepted findings (their `file` globs are relative to the config file) */
  accept: readonly AcceptEntry[];
}

export interface ConfigResult {
  config: Config;
  /** readable problems, each naming the offending file and key; the config keeps defaults for those */
  errors: string[];
  /** the template files the config names, resolved (read or not): an editor watches them */
  templateFiles: string[];
}

/** Reads a template file named in `templates`: its resolved path, and its text (undefined when unreadable). */
export type TemplateReader = (relativePath: string) => { path: string; text: string | undefined };

export function defaultConfig(): Config {
  return { rules: {}, format: 'auto', decimalPlaces: null, templates: [], accept: [] };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}

/**
 * Validates a config object (or its JSON text). Invalid parts are reported and dropped;
 * everything valid is kept, so one typo does not switch the whole file off. `readTemplate` reads
 * the files `templates` names; without it (editor settings) `templates` is an error.
 */
export function parseConfig(input: unknown, source = CONFIG_FILE_NAME, readTemplate?: TemplateReader): ConfigResult {
  const errors: string[] = [];
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { config: defaultConfig(), errors: [`${source}: not valid JSON (${(e as Error).message})`], templateFiles: [] };
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { config: defaultConfig(), errors: [`${source}: expected a JSON object`], templateFiles: [] };
  }
  const config = defaultConfig();
  const obj = data as Record<string, unknown>;
  const parsed = configSchema.safeParse(obj);
  let templatePaths: string[] = [];
  if (parsed.success) {
    Object.assign(config, { format: parsed.data.format ?? 'auto', decimalPlaces: parsed.data.decimalPlaces ?? null });
    config.rules = { ...(parsed.data.rules ?? {}) };
    config.accept = parsed.data.accept ?? [];
    templatePaths = parsed.data.templates ?? [];
  } else {
    for (const issue of parsed.error.issues) errors.push(`${source}: ${describeIssue(issue)}`);
    // keep the valid keys one by one
    const shape = configSchema.shape;
    for (const key of ['format', 'decimalPlaces'] as const) {
      const r = shape[key].safeParse(obj[key]);
      if (r.success && r.data !== undefined) (config as unknown as Record<string, unknown>)[key] = r.data;
    }
    if (obj.rules && typeof obj.rules === 'object' && !Array.isArray(obj.rules)) {
      for (const [code, v] of Object.entries(obj.rules as Record<string, unknown>)) {
        const r = ruleSetting.safeParse(v);
        if (r.success) config.rules[code] = r.data;
      }
    }
    // the valid acceptances are kept, each bad one is reported above by its index
    if (Array.isArray(obj.accept)) config.accept = obj.accept.filter((e) => acceptEntry.safeParse(e).success) as AcceptEntry[];
    if (Array.isArray(obj.templates)) templatePaths = obj.templates.filter((p): p is string => typeof p === 'string' && p.length > 0);
  }
  for (const code of Object.keys(config.rules)) {
    if (!RULE_CODES.includes(code)) {
      errors.push(`${source}: rules.${code}: unknown rule (known: ${RULE_CODES.join(', ')})`);
      delete config.rules[code];
    }
  }
  const templateFiles: string[] = [];
  if (templatePaths.length) {
    if (readTemplate) config.templates = loadTemplates(templatePaths, source, readTemplate, errors, templateFiles);
    else errors.push(`${source}: templates: custom formats are read from ${CONFIG_FILE_NAME} only`);
  }
  const known = ['auto', ...TEMPLATES.map((t) => t.id), ...config.templates.map((t) => t.id)];
  if (!known.includes(config.format)) {
    errors.push(`${source}: format: unknown format '${config.format}' (known: ${known.join(', ')})`);
    config.format = 'auto';
  }
  return { config, errors, templateFiles };
}

function loadTemplates(paths: string[], source: string, read: TemplateReader, errors: string[], files: string[]): Template[] {
  const loaded: Template[] = [];
  paths.forEach((relative, i) => {
    const { path, text } = read(relative);
    files.push(path);
    const where = `${path} (${source}: templates.${i})`;
    if (text === undefined) {
      errors.push(`${where}: cannot read the file`);
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      errors.push(`${where}: not valid JSON (${(e as Error).message})`);
      return;
    }
    const r = parseTemplate(data);
    if (!r.template) {
      for (const e of r.errors) errors.push(`${where}: ${e}`);
      return;
    }
    const id = r.template.id;
    if (TEMPLATES.some((t) => t.id === id) || loaded.some((t) => t.id === id)) {
      errors.push(`${where}: id: '${id}' is already the id of another format; give this one its own`);
      return;
    }
    loaded.push(r.template);
  });
  return loaded;
}

/** Later layers win: defaults < file < editor settings, for example. */
export function mergeConfig(base: Config, over: Partial<Config>): Config {
  return {
    rules: { ...base.rules, ...(over.rules ?? {}) },
    format: over.format && over.format !== 'auto' ? over.format : base.format,
    decimalPlaces: over.decimalPlaces ?? base.decimalPlaces,
    templates: [...base.templates, ...(over.templates ?? [])],
    accept: [...base.accept, ...(over.accept ?? [])],
  };
}

const templateKeys = new WeakMap<Template, number>();
let nextTemplateKey = 0;

/** A string that is equal for equal configs (a cache key): custom templates count by identity. */
export function configKey(config: Config): string {
  const templates = config.templates.map((t) => {
    let k = templateKeys.get(t);
    if (k === undefined) templateKeys.set(t, (k = nextTemplateKey++));
    return k;
  });
  return JSON.stringify([config.rules, config.format, config.decimalPlaces, templates, config.accept]);
}

export interface ConfigHost {
  /** the file's text, or undefined when it does not exist */
  readFile(path: string): string | undefined;
  dirname(path: string): string;
  join(dir: string, name: string): string;
}

/** Finds `.disclosure-report.json` in `dir` or the nearest folder above it. */
export function findConfigFile(dir: string, host: ConfigHost): { path: string; text: string } | undefined {
  let current = dir;
  for (let i = 0; i < 64; i++) {
    const candidate = host.join(current, CONFIG_FILE_NAME);
    const text = host.readFile(candidate);
    if (text !== undefined) return { path: candidate, text };
    const parent = host.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

const ABSOLUTE_PATH = /^(?:[a-zA-Z]:)?[\\/]/;

/** Parses a config file's text, reading the templates it names relative to it. `label` names it in errors. */
export function loadConfigFile(path: string, text: string, host: ConfigHost, label = path): ConfigResult {
  const dir = host.dirname(path);
  return parseConfig(text, label, (relative) => {
    const resolved = ABSOLUTE_PATH.test(relative) ? relative : host.join(dir, relative);
    return { path: resolved, text: host.readFile(resolved) };
  });
}

/** Loads the config that applies to a report in `dir`: defaults when there is none. */
export function loadConfigFor(dir: string, host: ConfigHost): ConfigResult & { path?: string } {
  const found = findConfigFile(dir, host);
  if (!found) return { config: defaultConfig(), errors: [], templateFiles: [] };
  return { ...loadConfigFile(found.path, found.text, host), path: found.path };
}
