// TEST ONLY: the two hooks by which the suites prove that they can fail. Nothing here changes
// anything unless the variable is set, and normal use never sets them.
// - DR_BROKEN_SERVER=1 at build time (esbuild.mjs defines it): a server that publishes no
//   findings, to show the VS Code suites fail when the product is broken (docs/testing.md).
// - DR_FAULT_RULE=<rule code> in the server's environment: that rule throws on every analysis, so
//   the protocol tests (test/protocol/robustness.test.ts) can prove that a failing rule is logged
//   and the other findings still arrive. An unknown code changes nothing.
import { RULES } from './core/index';

export const BROKEN_SERVER = process.env.DR_BROKEN_SERVER === '1';

/** Makes the rule DR_FAULT_RULE names throw (Node only: reads the process environment). */
export function installFaultRule(code: string | undefined): void {
  if (!code) return;
  const rule = RULES.find((r) => r.code === code);
  if (rule?.scope !== 'report') return;
  rule.check = () => {
    throw new Error(`DR_FAULT_RULE: ${code} fails on purpose`);
  };
}
