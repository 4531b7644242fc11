// @ts-check
// A node:test reporter that prints one machine-readable line the test orchestrator reads:
// "DR-COUNTS pass=N fail=N". The spec reporter prints the human-readable part.
export default async function* countReporter(source) {
  let pass = 0;
  let fail = 0;
  for await (const event of source) {
    if (event.type === 'test:pass' && !event.data.details?.type) pass++;
    else if (event.type === 'test:fail' && !event.data.details?.type) fail++;
  }
  yield `DR-COUNTS pass=${pass} fail=${fail}\n`;
}
