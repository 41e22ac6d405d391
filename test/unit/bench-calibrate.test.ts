/**
 * The benchmark's calibration: a Chromium, HTTP or catch-up row is checked as a multiple of the same run's
 * baseline, so the same figure passes on a slow machine and fails on a fast one.
 */
import { describe, expect, it } from 'vitest';
import { TARGETS, calibrate, row, skipped, table } from '../../bench/measure.ts';

const trip = { median: 0.5, p95: 1 };
const screen = (ms: number) => row('Chromium', 'roadmap usable', [ms, ms, ms], TARGETS.screenUsable);

describe('calibrate', () => {
  it('meets a target when the ratio to the blank page is met, whatever the milliseconds', () => {
    const [slowMachine] = calibrate(
      [screen(540)],
      { blankPage: { median: 100, p95: 130 }, roundTrip: trip, bareLogInsert: null },
      () => undefined,
    );
    expect(slowMachine).toMatchObject({ ratio: 5.4, limit: 600, pass: true });
    const [fastMachine] = calibrate(
      [screen(540)],
      { blankPage: { median: 50, p95: 70 }, roundTrip: trip, bareLogInsert: null },
      () => undefined,
    );
    expect(fastMachine).toMatchObject({ ratio: 10.8, limit: 300, pass: false });
  });

  it('compares a p95 with the baseline p95', () => {
    const action = row('Chromium', 'note after Enter', [40, 60, 90], TARGETS.actionShown);
    const [checked] = calibrate(
      [action],
      { blankPage: { median: 50, p95: 95 }, roundTrip: trip, bareLogInsert: null },
      () => undefined,
    );
    expect(checked).toMatchObject({ limit: 95, pass: true });
  });

  it('checks a read over HTTP against twice its in-process read plus the bare round trip', () => {
    const http = row('Read (HTTP)', 'roadmap.view', [9, 10, 11], TARGETS.readHttp);
    const twin = row('Read (in-process)', 'roadmap.view', [4, 4, 5], TARGETS.readInProcess);
    const [checked] = calibrate(
      [http],
      { blankPage: { median: 50, p95: 70 }, roundTrip: trip, bareLogInsert: null },
      () => twin,
    );
    expect(checked).toMatchObject({ limit: 11, pass: true });
    const [tighter] = calibrate(
      [http],
      { blankPage: { median: 50, p95: 70 }, roundTrip: { median: 0.4, p95: 0.5 }, bareLogInsert: null },
      () => twin,
    );
    expect(tighter).toMatchObject({ limit: 10.5, pass: false });
  });

  it('checks a catch-up against the bare insert of its changes into the log', () => {
    const catchUp = row('Sync', 'a new installation catches up', [9800, 10_500, 11_000], TARGETS.syncCatchUp);
    const on = (median: number) =>
      calibrate(
        [catchUp],
        { blankPage: null, roundTrip: null, bareLogInsert: { median, p95: median } },
        () => undefined,
      )[0];
    expect(on(5000)).toMatchObject({ ratio: 2.1, limit: 11_250, pass: true });
    expect(on(4000)).toMatchObject({ ratio: 2.63, limit: 9000, pass: false });
  });

  it('keeps the reference budget in ms, and says so, when the baseline was not measured', () => {
    const [r] = calibrate(
      [screen(290)],
      { blankPage: null, roundTrip: null, bareLogInsert: null },
      () => undefined,
    );
    expect(r).toMatchObject({ ratio: null, pass: true });
    expect(r!.note).toMatch(/blank page not measured: checked against 300 ms/);
  });

  it('leaves skipped rows and uncalibrated targets alone, and prints the ratio and the budget', () => {
    const skip = skipped('Chromium', 'people usable', 'skipped (--quick)', TARGETS.screenUsable);
    const write = row('Write (in-process)', 'polish.update', [1, 1, 2], TARGETS.write);
    expect(
      calibrate(
        [skip, write],
        { blankPage: { median: 50, p95: 70 }, roundTrip: trip, bareLogInsert: null },
        () => undefined,
      ),
    ).toEqual([skip, write]);
    const printed = table(
      calibrate(
        [screen(200)],
        { blankPage: { median: 50, p95: 70 }, roundTrip: trip, bareLogInsert: null },
        () => undefined,
      ),
    );
    expect(printed).toContain('4.00×');
    expect(printed).toContain('med ≤ 6× blank page (300 ms)');
  });
});
