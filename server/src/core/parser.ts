// Lines of cells from the token stream. One Chevrotain parser instance serves every document
// (Chevrotain parsers are reusable: set `input`, call the start rule). The grammar:
//   document := line (Newline line)*
//   line     := cell (Tab cell)*
//   cell     := Text?
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, Newline, reportLexer, Tab, Text } from './lexer';
import type { RawCell, RawLine } from './model';

class LineParser extends EmbeddedActionsParser {
  private lineNo = 0;
  private lineStart = 0;
  private lastEnd = 0;

  constructor() {
    super(allTokens, { recoveryEnabled: true });
    this.performSelfAnalysis();
  }

  private resetPositions(): void {
    this.lineNo = 0;
    this.lineStart = 0;
    this.lastEnd = 0;
  }

  public document = this.RULE('document', (): RawLine[] => {
    const lines: RawLine[] = [];
    this.ACTION(() => this.resetPositions());
    lines.push(this.SUBRULE(this.line));
    this.MANY(() => {
      const nl = this.CONSUME(Newline);
      this.ACTION(() => {
        this.lineNo++;
        this.lineStart = nl.startOffset + nl.image.length;
        this.lastEnd = this.lineStart;
      });
      lines.push(this.SUBRULE2(this.line));
    });
    return lines;
  });

  private line = this.RULE('line', (): RawLine => {
    const cells: RawCell[] = [];
    cells.push(this.SUBRULE(this.cell));
    this.MANY(() => {
      const tab = this.CONSUME(Tab);
      this.ACTION(() => {
        this.lastEnd = tab.startOffset + 1;
      });
      cells.push(this.SUBRULE2(this.cell));
    });
    return this.ACTION(() => ({ line: this.lineNo, offset: this.lineStart, text: '', cells }))!;
  });

  private cell = this.RULE('cell', (): RawCell => {
    let tok: IToken | undefined;
    this.OPTION(() => {
      tok = this.CONSUME(Text);
    });
    return this.ACTION(() => {
      const offset = tok ? tok.startOffset : this.lastEnd;
      if (tok) this.lastEnd = tok.startOffset + tok.image.length;
      return { text: tok ? tok.image : '', offset, line: this.lineNo, character: offset - this.lineStart };
    })!;
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
