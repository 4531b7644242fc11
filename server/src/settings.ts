// The editor settings (`disclosureReport.*`), validated by zod. Each key is checked on its own:
// a bad value is reported once, by name, and that key falls back to its default while the valid
// keys still apply. Keys the user did not set are left out, so they never override
// `.disclosure-report.json` (see docs/editor.md, "Settings and .disclosure-report.json").
import * as z from 'zod/mini';
import { type Config, parseConfig } from './core/index';
import { SETTINGS_SECTION } from './protocol';

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
