// What an output format is, and what it is given: one result per file, in the order checked.
import type { Analysis, Finding, Lang, TextEdit } from '../../core/index';

export interface FileResult {
  /** the path as given on the command line (or found under a folder or glob given there) */
  file: string;
  format: string | null;
  /** the body and year of the report's title (csv, html), when it has both */
  body?: string;
  year?: number;
  diagnostics: Finding[];
  /** findings the config's `accept` lists (left out of diagnostics, the counts and the exit status) */
  accepted?: { finding: Finding; reason?: string }[];
  /** the file could not be checked (exit status 2) */
  error?: string;
  /** the file was passed over, and why (not a report; binary in a folder) */
  skipped?: string;
  /** what --fix changed */
  fixes?: { range: TextEdit['range']; newText: string; old: string }[];
  encoding?: string;
  /** what the file is: 'text', or the document it was read from ('pdf', 'docx', 'html') */
  source?: 'pdf' | 'docx' | 'html' | 'text';
  /** a document's reader warnings (what it could not read with certainty) */
  warnings?: string[];
  /** a PDF's 1-based page of a finding (the page holding the cell's value) */
  page?: (d: Finding) => number | undefined;
  /** what --fix did not do, and why (a PDF or web page is not rewritten; a cell the table lacks) */
  fixSkipped?: string;
  /**
   * the analysis the diagnostics come from, kept only for an output format that asks for it
   * (`needsAnalysis`): a batch of hundreds of reports would otherwise hold every one in memory
   */
  analysis?: Analysis;
}

export interface OutputContext {
  lang: Lang;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface OutputFormat {
  /** the `--format` value */
  name: string;
  /** a few words for the usage text */
  summary: string;
  /** the format draws more than the findings (the tables: html): keep each file's analysis */
  needsAnalysis?: boolean;
  write(results: readonly FileResult[], out: OutputContext): void;
}
