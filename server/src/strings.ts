// The server's own words (hover headings, command results), through @vscode/l10n: English in the
// code, translations in l10n/bundle.l10n.zh-cn.json (the bundle the client's vscode.l10n reads too).
// Finding messages come from the core (formatMessage, both languages in the findings themselves).
import * as l10n from '@vscode/l10n';
import zhCN from '../../l10n/bundle.l10n.zh-cn.json';
import type { Lang } from './core/index';

const STRINGS = {
  table: 'Table',
  row: 'Row',
  column: 'Column',
  block: 'Block',
  value: 'Value',
  derivedCell: 'Derived cell: the sum of its parts',
  expected: 'expected',
  lastYear: 'Last year ({0}, {1})',
  blank: '(blank, counts as 0)',
  placeholder: '(placeholder, counts as 0)',
  missing: '(this cell is missing)',
  text: '(not a number)',
  recalculateLabel: 'Recalculate totals',
  fixAllTitle: 'Recalculate all totals of this report',
  nothingToRecalculate: 'All totals are already correct: nothing to change.',
  notOpen: 'The document is not open.',
  noDocumentBytes: 'No document was sent to convert.',
  noReaders: 'This language server cannot read PDF, DOCX or HTML documents.',
  conversionFailed: 'The document could not be converted (see the Disclosure Report output).',
  notDocx: 'Only a DOCX document can take recalculated totals: a PDF or web page is not changed.',
  acceptTitle: 'Accept this finding…',
  acceptGone: 'This finding is no longer reported as it was (the report changed): nothing was written.',
  acceptNoReason: 'A finding is accepted with a reason: nothing was written.',
  acceptNoFile: 'Only a report saved as a file in a folder can have accepted findings: nothing was written.',
  acceptInvalidJson: '{0} is not valid JSON ({1}), so it was not changed. Correct it, then accept the finding again.',
  acceptNotObject: '{0} does not hold a JSON object, so it was not changed.',
  acceptNotList: '{0}: its "accept" is not a list, so the file was not changed.',
} as const;

export type StringKey = keyof typeof STRINGS;

/** Chooses the bundle once, from the display language the client sent at initialize. */
export function configureLanguage(lang: Lang): void {
  l10n.config({ contents: lang === 'zh' ? zhCN : {} });
}

export function t(key: StringKey, ...args: (string | number)[]): string {
  return l10n.t(STRINGS[key], ...args);
}
