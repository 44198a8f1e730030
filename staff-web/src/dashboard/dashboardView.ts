import type { Dashboard, ReportsApi } from '../api/reports';
import { ApiProblem } from '../api/problems';
import { h } from '../ui/dom';
import { queueName, when } from '../ui/format';
import {
  CHART, chartWords, durationWords, layoutBars, metTargetBars, overdueBars, SERVICE_KINDS, volumeBars, workloadBars,
  type Bar,
} from './figures';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
/** One colour per part of a bar, in order; each at least 3:1 against white, as graphics need. */
const PART_COLOURS = ['#0b6e75', '#1a5fb4', '#8a5300', '#b3261e'];

const PERIODS: Record<string, { label: string; days: number }> = {
  day: { label: 'Last 24 hours', days: 1 },
  week: { label: 'Last 7 days', days: 7 },
  month: { label: 'Last 30 days', days: 30 },
};

/**
 * The supervisor's dashboard: how much came in per queue and channel, how many first responses and resolutions met
 * their target, what is past target now and who carries how much, as bar charts drawn here in SVG, each with its
 * numbers in words and in a table. Counts and times only (no PHI): read when opened and on "Show".
 */
export class DashboardView {
  readonly element: HTMLElement;
  private readonly period = h('select', { id: 'dashboard-period' },
    ...Object.entries(PERIODS).map(([value, period]) => h('option', { value, selected: value === 'week' }, period.label)));
  private readonly summary = h('p', { class: 'dashboard-summary', 'aria-live': 'polite' }, 'Loading the figures…');
  private readonly problem = h('p', { class: 'audit-problem', role: 'alert' });
  private readonly charts = h('div', { class: 'charts' });

  constructor(private readonly api: ReportsApi, private readonly onProblem: (problem: unknown) => boolean) {
    const show = h('button', { type: 'button' }, 'Show');
    show.addEventListener('click', () => void this.load());
    this.element = h('section', { class: 'page dashboard', 'aria-labelledby': 'dashboard-heading' },
      h('header', { class: 'page-header' },
        h('h1', { id: 'dashboard-heading', tabindex: '-1' }, 'Dashboard'),
        h('p', { class: 'page-intro' }, 'Your locations at a glance: counts and times only, nothing about any patient.'),
        h('div', { class: 'review-toolbar' },
          h('label', { for: 'dashboard-period' }, 'Period'), this.period, show, this.summary)),
      this.problem,
      this.charts,
    );
  }

  async load(): Promise<void> {
    const to = new Date();
    const from = new Date(to.getTime() - PERIODS[this.period.value].days * 24 * 3600_000);
    try {
      const dashboard = await this.api.dashboard(from.toISOString(), to.toISOString());
      this.problem.textContent = '';
      this.render(dashboard);
    } catch (e) {
      if (this.onProblem(e)) {
        return;
      }
      this.summary.textContent = '';
      this.problem.textContent = e instanceof ApiProblem ? e.plainMessage : 'The figures could not be read.';
    }
  }

  private render(dashboard: Dashboard): void {
    this.summary.textContent = `From ${when(dashboard.from)} to ${when(dashboard.to)}.`;
    const times = dashboard.serviceTimes.filter((time) => SERVICE_KINDS[time.kind]);
    this.charts.replaceChildren(
      chart('volumes', 'Patient messages by queue and channel', volumeBars(dashboard)),
      ...Object.entries(SERVICE_KINDS).map(([kind, name]) =>
        chart(`met-${kind}`, `${name}s within target (%)`, metTargetBars(dashboard, kind), 100, '%')),
      h('figure', { class: 'chart', 'aria-labelledby': 'chart-times-caption' },
        h('figcaption', { id: 'chart-times-caption' }, 'First response and resolution times against target'),
        times.length
          ? h('table', { class: 'data-table' },
            h('thead', {}, h('tr', {}, ...['Queue', 'What', 'How many', 'Median', '90% within', 'Within target']
              .map((column) => h('th', { scope: 'col' }, column)))),
            h('tbody', {}, ...times.map((time) => h('tr', {},
              h('th', { scope: 'row' }, queueName(time.queue)),
              h('td', {}, SERVICE_KINDS[time.kind]),
              h('td', {}, String(time.count)),
              h('td', {}, durationWords(time.medianSeconds)),
              h('td', {}, durationWords(time.p90Seconds)),
              h('td', {}, time.metTargetShare == null ? 'No target' : `${Math.round(time.metTargetShare * 100)}%`)))))
          : h('p', { class: 'chart-empty' }, 'No answers or resolutions in this period.')),
      chart('overdue', 'Conversations past target now', overdueBars(dashboard)),
      chart('workload', 'Workload per person (not resolved)', workloadBars(dashboard)),
    );
  }
}

/** A horizontal bar chart with its legend and its numbers in words (the SVG's accessible name) and in a table. */
function chart(id: string, title: string, bars: Bar[], max?: number, unit = ''): HTMLElement {
  const captionId = `chart-${id}-caption`;
  const figure = h('figure', { class: 'chart', 'data-chart': id, 'aria-labelledby': captionId },
    h('figcaption', { id: captionId }, title));
  if (bars.length === 0) {
    figure.append(h('p', { class: 'chart-empty' }, 'Nothing in this period.'));
    return figure;
  }
  const layout = layoutBars(bars, WIDTH, max);
  const names = [...new Set(bars.flatMap((bar) => bar.parts.map((p) => p.name)))];
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${layout.height}`, width: String(WIDTH), height: String(layout.height), role: 'img', 'aria-label': chartWords(bars, unit) });
  for (const bar of layout.bars) {
    const middle = String(bar.y + CHART.barHeight / 2);
    svg.append(svgElement('text', { x: String(CHART.labelWidth - 8), y: middle, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'chart-label' }, bar.label));
    for (const part of bar.parts) {
      svg.append(svgElement('rect', {
        x: String(part.x), y: String(bar.y), width: String(Math.max(part.value > 0 ? 2 : 0, part.width)),
        height: String(CHART.barHeight), fill: PART_COLOURS[names.indexOf(part.name) % PART_COLOURS.length],
      }));
    }
    svg.append(svgElement('text', { x: String(bar.totalX), y: middle, 'dominant-baseline': 'middle', class: 'chart-total' }, `${bar.total}${unit}`));
  }
  figure.append(svg);
  if (names.length > 1) {
    figure.append(h('ul', { class: 'chart-legend', 'aria-hidden': 'true' }, ...names.map((name, index) =>
      h('li', {}, legendSwatch(PART_COLOURS[index % PART_COLOURS.length]), name))));
  }
  figure.append(h('details', { class: 'chart-numbers' },
    h('summary', {}, 'The numbers'),
    h('table', { class: 'data-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), ...names.map((name) => h('th', { scope: 'col' }, name)),
        names.length > 1 ? h('th', { scope: 'col' }, 'Total') : null)),
      h('tbody', {}, ...bars.map((bar) => h('tr', {},
        h('th', { scope: 'row' }, bar.label),
        ...names.map((name) => h('td', {}, `${bar.parts.find((p) => p.name === name)?.value ?? 0}${unit}`)),
        names.length > 1 ? h('td', {}, String(bar.parts.reduce((a, p) => a + p.value, 0))) : null))))));
  return figure;
}

function legendSwatch(colour: string): HTMLElement {
  const swatch = h('span', { class: 'swatch' });
  swatch.style.background = colour;
  return swatch;
}

function svgElement(tag: string, attributes: Record<string, string>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}
