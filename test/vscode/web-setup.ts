// Loads mocha's browser build (defines globalThis.mocha) and sets up the tdd interface, so that
// `suite`/`test` exist when the suite files are evaluated next.
import 'mocha/mocha.js';
import { CompactReporter } from './reporter';

declare const mocha: { setup(options: { ui: string; reporter: unknown; timeout: number; color?: boolean }): void };
mocha.setup({ ui: 'tdd', reporter: CompactReporter, timeout: 60000, color: false });
