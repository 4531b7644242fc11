// The command line: `disclosure-report [check] [--format F] [--fix] [--config FILE] [--lang zh|en] PATH...`
import { CONFIG_FILE_NAME, type Lang, langOf } from '../core/index';
import { OUTPUT_FORMATS, outputFormat } from './output/index';

export interface Options {
  /** an OUTPUT_FORMATS name */
  format: string;
  fix: boolean;
  /** --no-accept: report the findings `accept` in the config would leave out too */
  noAccept: boolean;
  config?: string;
  lang: Lang;
  paths: string[];
}

const formatNames = () => OUTPUT_FORMATS.map((f) => f.name);

export function usage(): string {
  const formats = OUTPUT_FORMATS.map((f, i) => `${f.name}${i === 0 ? ' (default)' : ''}: ${f.summary}`).join('; ');
  return `usage: disclosure-report [check] [--format ${formatNames().join('|')}] [--fix] [--no-accept] [--config FILE] [--lang zh|en] PATH...
  PATH      a report file (text, PDF, DOCX or HTML, told by content), a folder (searched for *.txt,
            *.pdf, *.docx, *.html, *.htm; .doc/.wps to say how to convert them) or a glob ("reports/**/*.pdf")
  --format  ${formats}
  --fix     rewrite derived cells (总计, （七）, missing totals) in place, in a .txt or a .docx; every
            other byte is kept (a PDF or web page is not changed)
  --no-accept  also report the findings the config's accept list marks as reviewed
  --config  a ${CONFIG_FILE_NAME} to use instead of the one found above each report
  --lang    message language (default: from LANG / LC_ALL)
exit status: 0 no error, 1 errors found, 2 bad usage or an unreadable file
       disclosure-report convert FILE [-o OUT]   print a PDF/DOCX/HTML report's text`;
}

/** The options, or a message saying what is wrong with the command line. */
export function parseArgs(argv: string[], env: Record<string, string | undefined>): Options | string {
  const opts: Options = {
    format: OUTPUT_FORMATS[0].name,
    fix: false,
    noAccept: false,
    lang: langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG),
    paths: [],
  };
  const args = [...argv];
  if (args[0] === 'check') args.shift();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string): string | undefined => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    try {
      if (a === '--fix') opts.fix = true;
      else if (a === '--no-accept') opts.noAccept = true;
      else if (a === '--format' || a.startsWith('--format=')) {
        const v = value('--format');
        if (!v || !outputFormat(v)) return `unknown --format '${v}' (${formatNames().join(', ')})`;
        opts.format = v;
      } else if (a === '--config' || a.startsWith('--config=')) opts.config = value('--config');
      else if (a === '--lang' || a.startsWith('--lang=')) {
        const v = value('--lang');
        if (v !== 'zh' && v !== 'en') return `unknown --lang '${v}' (zh or en)`;
        opts.lang = v;
      } else if (a === '--') {
        opts.paths.push(...args.slice(i + 1));
        i = args.length;
      } else if (a.startsWith('-') && a !== '-') return `unknown option '${a}'`;
      else opts.paths.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!opts.paths.length) return 'no PATH given';
  return opts;
}
