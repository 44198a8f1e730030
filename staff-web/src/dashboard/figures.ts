import type { Dashboard } from '../api/reports';
import { channelName, queueName } from '../ui/format';

/** One bar of a chart: a label and its parts, stacked; parts of the same name share a colour and a legend entry. */
export interface Bar {
  label: string;
  parts: { name: string; value: number }[];
}

/** Where each part of each bar goes in a chart `width` wide: plain numbers the view turns into SVG. */
export interface BarLayout {
  label: string;
  y: number;
  parts: { name: string; value: number; x: number; width: number }[];
  total: number;
  /** Where the total is written, just right of the bar. */
  totalX: number;
}

export const CHART = { labelWidth: 170, barHeight: 22, gap: 10, totalRoom: 60 } as const;

/** Bars scaled to the largest total (or `max`, for shares out of 100), one under the other. */
export function layoutBars(bars: Bar[], width: number, max?: number): { height: number; bars: BarLayout[] } {
  const room = width - CHART.labelWidth - CHART.totalRoom;
  const largest = max ?? Math.max(1, ...bars.map((bar) => sum(bar.parts.map((p) => p.value))));
  return {
    height: bars.length * (CHART.barHeight + CHART.gap) + CHART.gap,
    bars: bars.map((bar, index) => {
      let x = CHART.labelWidth;
      const parts = bar.parts.map((part) => {
        const partWidth = (part.value / largest) * room;
        const placed = { ...part, x, width: partWidth };
        x += partWidth;
        return placed;
      });
      return { label: bar.label, y: CHART.gap + index * (CHART.barHeight + CHART.gap), parts, total: sum(bar.parts.map((p) => p.value)), totalX: x + 6 };
    }),
  };
}

/** Patient messages per queue, split by channel, busiest queue first. */
export function volumeBars(dashboard: Dashboard): Bar[] {
  const byQueue = new Map<string, Map<string, number>>();
  for (const volume of dashboard.volumes) {
    const channels = byQueue.get(volume.queue) ?? new Map<string, number>();
    channels.set(channelName(volume.channel), (channels.get(channelName(volume.channel)) ?? 0) + volume.messages);
    byQueue.set(volume.queue, channels);
  }
  return [...byQueue.entries()]
    .map(([queue, channels]) => ({ label: queueName(queue), parts: [...channels.entries()].map(([name, value]) => ({ name, value })) }))
    .sort((a, b) => total(b) - total(a));
}

export const SERVICE_KINDS: Record<string, string> = {
  'first-response': 'First response',
  resolution: 'Resolution',
};

/** Per queue, the share of first responses or resolutions within target, in percent (queues without targets left out). */
export function metTargetBars(dashboard: Dashboard, kind: string): Bar[] {
  return dashboard.serviceTimes
    .filter((time) => time.kind === kind && time.metTargetShare != null)
    .map((time) => ({ label: queueName(time.queue), parts: [{ name: 'Within target', value: Math.round(time.metTargetShare! * 100) }] }));
}

export function overdueBars(dashboard: Dashboard): Bar[] {
  return dashboard.overdueNow
    .filter((count) => count.conversations > 0)
    .map((count) => ({ label: queueName(count.queue), parts: [{ name: 'Past target', value: count.conversations }] }));
}

/** What each person owns: waiting on them, and the rest of what is not resolved. */
export function workloadBars(dashboard: Dashboard): Bar[] {
  return dashboard.workload
    .map((load) => ({
      label: load.assignee,
      parts: [
        { name: 'Waiting on them', value: load.waitingOnThem },
        { name: 'Other open', value: Math.max(0, load.open - load.waitingOnThem) },
      ],
    }))
    .sort((a, b) => total(b) - total(a));
}

/** The chart in one sentence, for screen readers: "North front desk: 3 (SMS 2, Email 1). South billing: 1 (SMS 1)." */
export function chartWords(bars: Bar[], unit = ''): string {
  if (bars.length === 0) {
    return 'Nothing in this period.';
  }
  return bars.map((bar) => {
    const shown = bar.parts.filter((p) => p.value > 0);
    const detail = shown.length > 1 ? ` (${shown.map((p) => `${p.name} ${p.value}${unit}`).join(', ')})` : '';
    return `${bar.label}: ${total(bar)}${unit}${detail}.`;
  }).join(' ');
}

/** A duration as the desk says it: "45 s", "12 min", "2 h 5 min", "3 d 4 h". */
export function durationWords(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) {
    return `${s} s`;
  }
  const minutes = Math.round(s / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  if (minutes < 24 * 60) {
    return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  }
  const hours = Math.round(minutes / 60);
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

function total(bar: Bar): number {
  return sum(bar.parts.map((p) => p.value));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
