// `.disclosure-report.json` and the editor settings share one schema, validated by zod (mini: see zod.ts).
// Loading walks up from a report's folder through an injected file host, so this module stays
// free of Node's fs (the core also runs in a web worker).

import { RULE_CODES } from './rules/codes';
import * as z from './zod';

export const CONFIG_FILE_NAME = '.disclosure-report.json';

const ruleSetting = z.enum(['error', 'warning', 'info', 'hint', 'off']);
export type RuleSetting = z.infer<typeof ruleSetting>;

const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  rules: z.optional(z.record(z.string(), ruleSetting)),
  format: z.optional(z.enum(['auto', '2021', '2019'])),
  /** enforce this many decimals on money cells even where the header states no rule; null = only where stated */
  decimalPlaces: z.optional(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(10)))),
});

export interface Config {
  rules: Record<string, RuleSetting>;
  format: 'auto' | '2021' | '2019';
  decimalPlaces: number | null;
}

export interface ConfigResult {
  config: Config;
  /** readable problems, each naming the offending key; the config keeps defaults for those */
  errors: string[];
}

export function defaultConfig(): Config {
  return { rules: {}, format: 'auto', decimalPlaces: null };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}

/**
 * Validates a config object (or its JSON text). Invalid parts are reported and dropped;
 * everything valid is kept, so one typo does not switch the whole file off.
 */
export function parseConfig(input: unknown, source = CONFIG_FILE_NAME): ConfigResult {
  const errors: string[] = [];
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { config: defaultConfig(), errors: [`${source}: not valid JSON (${(e as Error).message})`] };
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { config: defaultConfig(), errors: [`${source}: expected a JSON object`] };
  }
  const config = defaultConfig();
  const obj = data as Record<string, unknown>;
  const parsed = configSchema.safeParse(obj);
  if (parsed.success) {
    Object.assign(config, { format: parsed.data.format ?? 'auto', decimalPlaces: parsed.data.decimalPlaces ?? null });
    config.rules = { ...(parsed.data.rules ?? {}) };
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
  }
  for (const code of Object.keys(config.rules)) {
    if (!(RULE_CODES as readonly string[]).includes(code)) {
      errors.push(`${source}: rules.${code}: unknown rule (known: ${RULE_CODES.join(', ')})`);
      delete config.rules[code];
    }
  }
  return { config, errors };
}

/** Later layers win: defaults < file < editor settings, for example. */
export function mergeConfig(base: Config, over: Partial<Config>): Config {
  return {
    rules: { ...base.rules, ...(over.rules ?? {}) },
    format: over.format && over.format !== 'auto' ? over.format : base.format,
    decimalPlaces: over.decimalPlaces ?? base.decimalPlaces,
  };
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

/** Loads the config that applies to a report in `dir`: defaults when there is none. */
export function loadConfigFor(dir: string, host: ConfigHost): ConfigResult & { path?: string } {
  const found = findConfigFile(dir, host);
  if (!found) return { config: defaultConfig(), errors: [] };
  return { ...parseConfig(found.text, found.path), path: found.path };
}
