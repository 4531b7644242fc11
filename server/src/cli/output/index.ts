// The output formats, in one list: `--format` accepts their names and the usage text lists them.
// Adding one (csv, html …): a file in this folder exporting an OutputFormat, and its line here.
import { csvOutput } from './csv';
import type { OutputFormat } from './format';
import { htmlOutput } from './html';
import { jsonOutput } from './json';
import { sarifOutput } from './sarif';
import { textOutput } from './text';

export const OUTPUT_FORMATS: readonly OutputFormat[] = [textOutput, jsonOutput, sarifOutput, csvOutput, htmlOutput];

export function outputFormat(name: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((f) => f.name === name);
}

export type { FileResult, OutputContext, OutputFormat } from './format';
