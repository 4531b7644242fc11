// One of the six sections absent, or out of the official order.
import type { Rule } from './types';

export const missingSection: Rule = {
  code: 'missing-section',
  severity: 'warning',
  description: { zh: '六个部分之一缺失或顺序错误', en: 'One of the six sections is absent or out of order' },
  tags: ['structure'],
  scope: 'report',
  check(ctx, report) {
    const { template } = ctx;
    const doc = ctx.report;
    if (!doc.format) return;
    const at = doc.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: doc.lines[0]?.text.length ?? 0 } };
    const found = new Map(doc.sections.map((s) => [s.index, s]));
    for (const s of template.sections) {
      if (!found.has(s.index)) {
        report({
          message: { zh: `缺少第${s.title.split('、')[0]}部分“${s.key}”`, en: `section ${s.title} is missing` },
          range: at,
        });
      }
    }
    let maxIndex = 0;
    for (const s of doc.sections) {
      if (s.index < maxIndex) {
        report({
          message: {
            zh: `“${s.heading}”顺序错误：应在第${s.index}部分的位置`,
            en: `"${s.heading}" is out of order: it is section ${s.index} of the official order`,
          },
          range: s.headingRange,
        });
      }
      maxIndex = Math.max(maxIndex, s.index);
    }
  },
};
