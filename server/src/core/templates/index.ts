// The official formats, loaded once from their data files and validated.
import data2019 from './format-2019.json';
import data2021 from './format-2021.json';
import { loadTemplate, type Template } from './schema';

export const TEMPLATES: readonly Template[] = [loadTemplate(data2021, 'format-2021.json'), loadTemplate(data2019, 'format-2019.json')];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export type { BlockTemplate, ColumnTemplate, Relation, RowTemplate, TableTemplate, Template } from './schema';
