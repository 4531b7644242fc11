// Findings compared the way reviewers match them (checks.md, "Labels"): code, table, row, column,
// expected, actual — not by range, which differs between a document's report text and its source text.
import { analyze, type Finding } from '../../../server/src/core/index';

export const findingKey = (f: Finding) => [f.code, f.table ?? '', f.row ?? '', f.column ?? '', f.expected ?? '', f.actual ?? ''].join('|');

/** the sorted keys of a text's findings */
export const findingKeys = (text: string) => analyze(text).findings.map(findingKey).sort();
