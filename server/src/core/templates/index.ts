// The built-in formats, loaded once from their data files and validated. Adding a format: a data
// file here and its line below (then `npm run generate` for the manifest's format list). A user's
// own formats come from `.disclosure-report.json` `templates` (config.ts) and join these.
import data2019 from './format-2019.json';
import data2021 from './format-2021.json';
import { loadTemplate, type Template } from './schema';

export const TEMPLATES: readonly Template[] = [loadTemplate(data2021, 'format-2021.json'), loadTemplate(data2019, 'format-2019.json')];

/** The format with this id: a built-in one, or one of `extra` (a config's custom templates). */
export function templateById(id: string, extra: readonly Template[] = []): Template | undefined {
  return TEMPLATES.find((t) => t.id === id) ?? extra.find((t) => t.id === id);
}

export type { BlockTemplate, ColumnTemplate, Relation, RowTemplate, TableTemplate, Template } from './schema';
export { loadTemplate, parseTemplate, templateSchema } from './schema';
