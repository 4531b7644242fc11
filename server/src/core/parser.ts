// Lines of cells from the token stream. One Chevrotain parser instance serves every document
// (Chevrotain parsers are reusable: set `input`, call the start rule). The grammar:
//   document := line (Newline line)*
//   line     := Text? (Tab Text?)*
// written as a single rule: every rule invocation costs Chevrotain a stack frame and bookkeeping,
// and this grammar accepts every token sequence, so nothing is lost by inlining `line` and `cell`.
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, Newline, reportLexer, Tab, Text } from './lexer';
import type { RawCell, RawLine } from './model';

class LineParser extends EmbeddedActionsParser {
  private lines: RawLine[] = [];
  private cells: RawCell[] = [];
  private lineNo = 0;
  private lineStart = 0;
  /** end offset of the last tab, where an empty cell starts */
  private lastEnd = 0;

  constructor() {
    // the grammar accepts every token sequence, so recovery never triggers; it stays on so that a
    // future grammar change degrades to a partial parse instead of an exception
    super(allTokens, { recoveryEnabled: true, skipValidations: true });
    this.performSelfAnalysis();
  }

  private text(tok: IToken): void {
    this.cells.push({ text: tok.image, offset: tok.startOffset, line: this.lineNo, character: tok.startOffset - this.lineStart });
    this.lastEnd = tok.startOffset + tok.image.length;
  }

  /** closes the current cell at a tab or a line end: an empty cell when no Text came */
  private empty(): void {
    const at = this.lastEnd;
    this.cells.push({ text: '', offset: at, line: this.lineNo, character: at - this.lineStart });
  }

  private endLine(): void {
    this.lines.push({ line: this.lineNo, offset: this.lineStart, text: '', cells: this.cells });
    this.cells = [];
  }

  public document = this.RULE('document', (): RawLine[] => {
    this.ACTION(() => {
      this.lines = [];
      this.cells = [];
      this.lineNo = 0;
      this.lineStart = 0;
      this.lastEnd = 0;
    });
    // the first line
    let had = false;
    this.OPTION(() => {
      const t = this.CONSUME(Text);
      this.ACTION(() => this.text(t));
      had = true;
    });
    this.ACTION(() => !had && this.empty());
    this.MANY(() => {
      const tab = this.CONSUME(Tab);
      this.ACTION(() => (this.lastEnd = tab.startOffset + 1));
      let cell = false;
      this.OPTION2(() => {
        const t = this.CONSUME2(Text);
        this.ACTION(() => this.text(t));
        cell = true;
      });
      this.ACTION(() => !cell && this.empty());
    });
    this.ACTION(() => this.endLine());
    // every further line
    this.MANY2(() => {
      const nl = this.CONSUME(Newline);
      this.ACTION(() => {
        this.lineNo++;
        this.lineStart = this.lastEnd = nl.startOffset + nl.image.length;
      });
      let first = false;
      this.OPTION3(() => {
        const t = this.CONSUME3(Text);
        this.ACTION(() => this.text(t));
        first = true;
      });
      this.ACTION(() => !first && this.empty());
      this.MANY3(() => {
        const tab = this.CONSUME2(Tab);
        this.ACTION(() => (this.lastEnd = tab.startOffset + 1));
        let cell = false;
        this.OPTION4(() => {
          const t = this.CONSUME4(Text);
          this.ACTION(() => this.text(t));
          cell = true;
        });
        this.ACTION(() => !cell && this.empty());
      });
      this.ACTION(() => this.endLine());
    });
    return this.lines;
  });
}

const parser = new LineParser();

/** Splits a text into lines of cells with their positions. Never throws. */
export function parseLines(text: string): RawLine[] {
  const lexed = reportLexer.tokenize(text);
  parser.input = lexed.tokens;
  const lines = parser.document() ?? [];
  // line texts: from each line start to its last cell's end
  for (const l of lines) {
    const last = l.cells[l.cells.length - 1];
    l.text = text.slice(l.offset, last.offset + last.text.length);
  }
  return lines;
}
