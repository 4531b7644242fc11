import { analyze } from '../../server/src/core/index';
import { consistentTable3, consistentTable4, renderReport, rng } from './report';
const r = rng(11);
const table3 = consistentTable3('2021', r); const table4 = consistentTable4(r);
const prose = Array.from({ length: 10_000 }, (_, i) => `本年度第${i + 1}项工作：主动公开政府信息若干条，涉及行政许可、行政处罚、行政强制等事项。`);
const text = renderReport({ table3, table4, prose });
const ts: number[] = [];
for (let i = 0; i < 15; i++) { const t = performance.now(); analyze(text + ' '.repeat(i)); ts.push(performance.now() - t); }
console.log(ts.map((x) => x.toFixed(0)).join(' '));
