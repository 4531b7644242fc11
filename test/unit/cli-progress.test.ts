// The progress line of a long CLI batch (issue 10 item 5): on stderr only when it is a terminal,
// after ~2 s, rewritten in place and cleared at the end; never on stdout, never when piped.
// The terminal and the clock are injected: nothing here waits for real time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { createProgress, PROGRESS_DELAY_MS, progressLine } from '../../server/src/cli/progress';
import { folder } from '../support/cli';
import { generateReport } from '../support/report';

/** a clock that moves `step` ms each time it is read */
function steppingClock(step: number) {
  let t = 0;
  return () => {
    t += step;
    return t;
  };
}

/** what a terminal shows after the writes: \r goes back to the line's start, later text overwrites */
function screen(out: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let col = 0;
  for (const ch of out) {
    if (ch === '\n') {
      lines.push(line.join(''));
      line = [];
      col = 0;
    } else if (ch === '\r') col = 0;
    else line[col++] = ch;
  }
  lines.push(line.join(''));
  return lines.map((l) => l.trimEnd());
}

test('progress: nothing before the delay, then the line rewritten in place, then cleared', () => {
  let t = 0;
  let out = '';
  const written = () => out; // read through a call: the asserts below would narrow `out` to a literal
  const p = createProgress({ write: (s) => (out += s), isTTY: true, now: () => t, lang: 'en' });
  for (let done = 0; done < 10; done++) {
    t = done * 150; // 0 … 1350 ms: still inside the delay
    p.update(done, 1000);
  }
  assert.equal(written(), '', 'a batch shorter than the delay shows nothing');
  t = PROGRESS_DELAY_MS;
  p.update(120, 1000);
  assert.equal(written(), '\rchecked 120/1000 files…');
  t += 10; // too soon to draw again
  p.update(121, 1000);
  assert.equal(written(), '\rchecked 120/1000 files…');
  t += 200;
  p.update(130, 1000);
  assert.deepEqual(screen(written()), ['checked 130/1000 files…']);
  assert.equal(written().split('\n').length, 1, 'rewritten in place, never a new line');
  p.clear();
  assert.deepEqual(screen(written()), [''], 'cleared at the end');
  const before = written();
  p.clear();
  assert.equal(written(), before, 'a second clear writes nothing');
});

test('progress: not a terminal, nothing is ever written', () => {
  let out = '';
  const p = createProgress({ write: (s) => (out += s), isTTY: false, now: steppingClock(10_000), lang: 'en' });
  for (let done = 0; done < 50; done++) p.update(done, 50);
  p.clear();
  assert.equal(out, '');
});

test('progress: the Chinese line', () => {
  assert.equal(progressLine(3, 7, 'zh'), '已检查 3/7 个文件…');
});

const reports = () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`r${i}.txt`] = generateReport(i + 1).text;
  return files;
};

for (const format of ['json', 'sarif', 'csv', 'html']) {
  test(`CLI --format ${format} on a terminal: the progress line on stderr, cleared; stdout untouched`, async () => {
    const d = folder(reports());
    let stdout = '';
    let stderr = '';
    const code = await main(['check', '--format', format, '.'], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      cwd: d,
      env: { LANG: 'en_US.UTF-8' },
      stderrIsTTY: true,
      now: steppingClock(1000), // each file "takes" a second: the line appears after ~2 s
    });
    assert.equal(code, 0);
    assert.match(stderr, /\rchecked [1-5]\/6 files…/);
    assert.doesNotMatch(stdout, /files…|文件…/);
    assert.deepEqual(screen(stderr), [''], 'nothing of the line stays on screen');
    if (format === 'json') assert.equal((JSON.parse(stdout) as { files: unknown[] }).files.length, 6);
  });
}

test('CLI: stderr not a terminal (piped), no progress line however long the batch', async () => {
  const d = folder(reports());
  let stdout = '';
  let stderr = '';
  const code = await main(['check', '--format', 'json', '.'], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: d,
    env: { LANG: 'en_US.UTF-8' },
    stderrIsTTY: false,
    now: steppingClock(60_000),
  });
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.equal((JSON.parse(stdout) as { files: unknown[] }).files.length, 6);
});

test('CLI on a terminal: a stderr line in the middle of the batch clears the progress line first', async () => {
  // a broken config in a folder met late in the run: its error is written while the line is shown
  const d = folder({ ...reports(), 'z/.disclosure-report.json': '{ not json', 'z/r.txt': generateReport(9).text });
  let stderr = '';
  const code = await main(['check', '.'], {
    stdout: () => {},
    stderr: (s) => (stderr += s),
    cwd: d,
    env: { LANG: 'en_US.UTF-8' },
    stderrIsTTY: true,
    now: steppingClock(1000),
  });
  assert.equal(code, 2);
  const before = stderr.slice(0, stderr.indexOf('disclosure-report:'));
  assert.match(before, /\rchecked 6\/7 files…/, 'the line was shown when the error came');
  const shown = screen(stderr);
  const error = shown.find((l) => l.includes('.disclosure-report.json'));
  assert.ok(error?.startsWith('disclosure-report: '), shown.join('\n'));
  assert.ok(
    shown.some((l) => /^7 file\(s\) checked/.test(l)),
    shown.join('\n'),
  );
  assert.ok(!shown.some((l) => l.includes('files…')), shown.join('\n'));
});
