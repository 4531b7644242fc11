// Which settings apply to a document: the editor settings (workspace/configuration, section
// `disclosureReport`, scoped to the document) merged over the nearest `.disclosure-report.json`
// above the document (Node only; the web worker has no file system). Later layers win, key by key:
//   defaults < .disclosure-report.json < editor settings the user set.
// The editor settings are validated by zod, each key on its own: a bad value is reported once, by
// name, and that key falls back to its default while the valid keys still apply. Keys the user did
// not set are left out, so they never override `.disclosure-report.json` (docs/editor.md).
// Problems in either source are shown once as a window/showMessage warning; the defaults apply.
// The custom formats a config names (`templates`) are watched too, where the client lets the
// server register file watchers, so that editing one re-checks the open reports.
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver';
import * as z from 'zod/mini';
import type { DocumentSettings, ServerEnv } from './context';
import { type Config, defaultConfig, loadConfigFor, mergeConfig, parseConfig } from './core/index';
import { type InitializationOptions, SETTINGS_SECTION } from './protocol';

export type ValidateMode = 'onType' | 'onSave' | 'off';

export interface EditorSettings {
  validate: ValidateMode;
  /** only the keys the user set to a value other than the neutral default */
  config: Partial<Config>;
}

const validateSchema = z.enum(['onType', 'onSave', 'off']);

export function defaultEditorSettings(): EditorSettings {
  return { validate: 'onType', config: {} };
}

/**
 * Parses the `disclosureReport` settings object (as workspace/configuration returns it).
 * Unknown keys (such as the client-only `detectPlainText`) are ignored.
 */
export function parseEditorSettings(raw: unknown): { settings: EditorSettings; errors: string[] } {
  const settings = defaultEditorSettings();
  const errors: string[] = [];
  if (raw === undefined || raw === null) return { settings, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, errors: [`${SETTINGS_SECTION}: expected an object`] };
  }
  const obj = raw as Record<string, unknown>;

  if (obj.validate !== undefined && obj.validate !== null) {
    const r = validateSchema.safeParse(obj.validate);
    if (r.success) settings.validate = r.data;
    else errors.push(`${SETTINGS_SECTION}.validate: ${JSON.stringify(obj.validate)} is not one of onType, onSave, off`);
  }

  // rules, format and decimalPlaces share the schema of .disclosure-report.json
  const configPart: Record<string, unknown> = {};
  for (const key of ['rules', 'format', 'decimalPlaces'] as const) {
    if (obj[key] !== undefined) configPart[key] = obj[key];
  }
  if (configPart.decimalPlaces === null) delete configPart.decimalPlaces;
  const parsed = parseConfig(configPart, SETTINGS_SECTION);
  for (const e of parsed.errors) errors.push(e.replace(`${SETTINGS_SECTION}: `, `${SETTINGS_SECTION}.`));
  const config: Partial<Config> = {};
  if (Object.keys(parsed.config.rules).length) config.rules = parsed.config.rules;
  if (parsed.config.format !== 'auto') config.format = parsed.config.format;
  if (parsed.config.decimalPlaces !== null) config.decimalPlaces = parsed.config.decimalPlaces;
  settings.config = config;
  return { settings, errors };
}

// ------------------------------------------------------------------ resolving

interface FileConfig {
  config: Config;
  path?: string;
  /** the template files the config names (resolved paths) */
  templateFiles?: string[];
}

/** Finds and parses `.disclosure-report.json` in `dir` or the nearest folder above it (the core's loader, as the CLI uses). */
export function findFileConfig(dir: string, env: ServerEnv, warn: (errors: string[]) => void): FileConfig {
  const { readFile, dirname, join } = env;
  if (!readFile || !dirname || !join) return { config: defaultConfig() };
  const { config, errors, path, templateFiles } = loadConfigFor(dir, { readFile, dirname, join });
  if (errors.length) warn(errors);
  return path ? { config, path, templateFiles } : { config };
}

export class SettingsResolver {
  private editorCache = new Map<string, Promise<EditorSettings>>();
  private fileCache = new Map<string, FileConfig>();
  private shown = new Set<string>();
  private pullConfiguration = false;
  private watchFiles = false;
  private watched = new Set<string>();
  private globalSettings: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly env: ServerEnv,
  ) {}

  init(params: InitializeParams): void {
    this.pullConfiguration = !!params.capabilities.workspace?.configuration;
    this.watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.globalSettings = (params.initializationOptions as InitializationOptions | undefined)?.settings;
  }

  /** settings pushed by workspace/didChangeConfiguration (used when the client cannot be asked) */
  setGlobalSettings(settings: unknown): void {
    const section = (settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (section !== undefined) this.globalSettings = section;
  }

  clear(): void {
    this.editorCache.clear();
    this.fileCache.clear();
  }

  /** one warning per distinct problem, for the whole session */
  warn(errors: string[]): void {
    const fresh = errors.filter((e) => !this.shown.has(e));
    if (!fresh.length) return;
    for (const e of fresh) this.shown.add(e);
    const text = `Disclosure Report: ${fresh.join('; ')}. The default is used instead.`;
    // a notification (window/showMessage), not a request: nothing waits for the user
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  }

  private editorSettings(uri: string): Promise<EditorSettings> {
    let cached = this.editorCache.get(uri);
    if (!cached) {
      cached = this.fetchEditorSettings(uri);
      this.editorCache.set(uri, cached);
    }
    return cached;
  }

  private async fetchEditorSettings(uri: string): Promise<EditorSettings> {
    let raw: unknown = this.globalSettings;
    if (this.pullConfiguration) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      } catch {
        raw = this.globalSettings;
      }
    }
    const { settings, errors } = parseEditorSettings(raw);
    if (errors.length) this.warn(errors);
    return settings;
  }

  private fileConfig(uri: string): FileConfig {
    const path = this.env.uriToPath?.(uri);
    if (!path || !this.env.dirname) return { config: defaultConfig() };
    const dir = this.env.dirname(path);
    let cached = this.fileCache.get(dir);
    if (!cached) {
      cached = findFileConfig(dir, this.env, (errors) => this.warn(errors));
      this.fileCache.set(dir, cached);
      this.watch(cached.templateFiles ?? []);
    }
    return cached;
  }

  /** asks the client to report changes of these template files (didChangeWatchedFiles re-reads every config) */
  private watch(files: string[]): void {
    const fresh = files.filter((f) => !this.watched.has(f));
    if (!this.watchFiles || !fresh.length || !this.env.basename) return;
    for (const f of fresh) this.watched.add(f);
    const watchers = fresh.map((f) => ({ globPattern: `**/${this.env.basename!(f)}` }));
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }

  async settingsFor(uri: string): Promise<DocumentSettings> {
    const editor = await this.editorSettings(uri);
    const file = this.fileConfig(uri);
    const settings: DocumentSettings = {
      config: mergeConfig(file.config, editor.config),
      validate: editor.validate,
      configFile: file.path,
    };
    const acceptFile = file.path ? this.relativeTo(file.path, uri) : undefined;
    if (acceptFile !== undefined) settings.acceptFile = acceptFile;
    return settings;
  }

  /** the document's path relative to the folder of `configFile`, `/`-separated, as the CLI computes it for `accept` */
  relativeTo(configFile: string, uri: string): string | undefined {
    const path = this.env.uriToPath?.(uri);
    if (!path || !this.env.dirname || !this.env.relative) return undefined;
    // the config is found in the document's folder or above it, so this is a path under it
    return this.env.relative(this.env.dirname(configFile), path) || undefined;
  }
}
