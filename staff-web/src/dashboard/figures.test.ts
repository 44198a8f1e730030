import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../api/reports';
import { chartWords, durationWords, layoutBars, metTargetBars, overdueBars, volumeBars, workloadBars } from './figures';

const dashboard: Dashboard = {
  from: '2026-11-26T00:00:00Z',
  to: '2026-12-03T00:00:00Z',
  volumes: [
    { queue: 'south-billing', channel: 'sms', messages: 1 },
    { queue: 'north-front-desk', channel: 'sms', messages: 2 },
    { queue: 'north-front-desk', channel: 'email', messages: 1 },
  ],
  serviceTimes: [
    { queue: 'north-front-desk', kind: 'first-response', count: 4, medianSeconds: 300, p90Seconds: 900, metTargetShare: 0.75 },
    { queue: 'north-front-desk', kind: 'resolution', count: 2, medianSeconds: 7200, p90Seconds: 9000, metTargetShare: null },
  ],
  overdueNow: [{ queue: 'north-front-desk', conversations: 2 }, { queue: 'south-billing', conversations: 0 }],
  workload: [{ assignee: 'nora.north', waitingOnThem: 1, open: 3 }, { assignee: 'frontdesk.north', waitingOnThem: 4, open: 5 }],
};

describe('dashboard figures', () => {
  it('counts messages per queue, split by channel, busiest first', () => {
    expect(volumeBars(dashboard)).toEqual([
      { label: 'North front desk', parts: [{ name: 'SMS', value: 2 }, { name: 'Email', value: 1 }] },
      { label: 'South billing', parts: [{ name: 'SMS', value: 1 }] },
    ]);
    expect(chartWords(volumeBars(dashboard))).toBe('North front desk: 3 (SMS 2, Email 1). South billing: 1.');
  });

  it('shows the share within target in percent, leaving out kinds and queues without a target', () => {
    expect(metTargetBars(dashboard, 'first-response')).toEqual([{ label: 'North front desk', parts: [{ name: 'Within target', value: 75 }] }]);
    expect(metTargetBars(dashboard, 'resolution')).toEqual([]);
    expect(chartWords(metTargetBars(dashboard, 'first-response'), '%')).toBe('North front desk: 75%.');
  });

  it('lists queues with conversations past target, and each person\'s load with what waits on them first', () => {
    expect(overdueBars(dashboard).map((bar) => bar.label)).toEqual(['North front desk']);
    expect(workloadBars(dashboard)).toEqual([
      { label: 'frontdesk.north', parts: [{ name: 'Waiting on them', value: 4 }, { name: 'Other open', value: 1 }] },
      { label: 'nora.north', parts: [{ name: 'Waiting on them', value: 1 }, { name: 'Other open', value: 2 }] },
    ]);
    expect(chartWords([])).toBe('Nothing in this period.');
  });

  it('scales bars to the largest total, or to 100 for shares, stacking the parts', () => {
    const layout = layoutBars(volumeBars(dashboard), 630);
    // 630 wide: 170 for labels, 60 for totals, 400 for bars; the largest total (3) fills them.
    expect(layout.bars[0].parts.map((p) => [Math.round(p.x), Math.round(p.width)])).toEqual([[170, 267], [437, 133]]);
    expect(Math.round(layout.bars[0].totalX)).toBe(576);
    expect(layout.bars[1].parts[0].width).toBeCloseTo(400 / 3);
    expect(layout.bars[1].y).toBeGreaterThan(layout.bars[0].y);
    expect(layoutBars([{ label: 'q', parts: [{ name: 'Within target', value: 50 }] }], 630, 100).bars[0].parts[0].width).toBe(200);
    expect(layout.height).toBe(2 * 32 + 10);
  });

  it('says durations as the desk does', () => {
    expect(durationWords(45)).toBe('45 s');
    expect(durationWords(720)).toBe('12 min');
    expect(durationWords(7500)).toBe('2 h 5 min');
    expect(durationWords(3600)).toBe('1 h');
    expect(durationWords(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
  });
});
