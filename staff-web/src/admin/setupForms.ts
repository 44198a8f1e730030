import { PRIORITIES, type Assignment, type DryRunAnswer, type LocationHours, type QueueSetup, type ResponseTarget } from '../api/admin';
import { codeInWords, queueName } from '../ui/format';

export const ASSIGNMENTS: Record<Assignment, string> = {
  none: 'By hand (nobody is assigned automatically)',
  'round-robin': 'Round robin (each member in turn)',
  'least-loaded': 'Least loaded (whoever owns fewest)',
};

/** What a queue form holds, as typed. Targets: minutes per priority ('' = the practice default) and business hours. */
export interface QueueForm {
  queue: string;
  locationCode: string;
  assignment: Assignment;
  members: string;
  openCap: string;
  returnAfterMinutes: string;
  targets: Record<string, { minutes: string; businessHours: boolean }>;
}

export function queueForm(setup: QueueSetup): QueueForm {
  return {
    queue: setup.queue,
    locationCode: setup.locationCode,
    assignment: setup.assignment,
    members: (setup.members ?? []).join(', '),
    openCap: setup.openCap == null ? '' : String(setup.openCap),
    returnAfterMinutes: setup.returnAfterMinutes == null ? '' : String(setup.returnAfterMinutes),
    targets: Object.fromEntries(PRIORITIES.map((priority) => {
      const target = (setup.responseTargets ?? []).find((t) => t.priority === priority);
      return [priority, { minutes: target ? String(target.minutes) : '', businessHours: target?.businessHours ?? false }];
    })),
  };
}

/**
 * The setup to send, from the form. Only what the person could not mean is caught here (a number that is not one);
 * the service checks the rest (ranges, members for automatic assignment) and its refusal is shown in its words.
 */
export function queueSetupFrom(form: QueueForm): { setup: QueueSetup } | { problem: string } {
  const openCap = wholeNumber(form.openCap);
  const returnAfterMinutes = wholeNumber(form.returnAfterMinutes);
  if (openCap === undefined) {
    return { problem: 'Most open per person must be a whole number, or empty for no limit.' };
  }
  if (returnAfterMinutes === undefined) {
    return { problem: 'Return after must be a whole number of minutes, or empty for never.' };
  }
  const responseTargets: ResponseTarget[] = [];
  for (const priority of PRIORITIES) {
    const typed = form.targets[priority];
    const minutes = wholeNumber(typed?.minutes ?? '');
    if (minutes === undefined) {
      return { problem: `The ${priority} target must be a whole number of minutes, or empty for the practice default.` };
    }
    if (minutes !== null) {
      responseTargets.push({ priority, minutes, businessHours: typed.businessHours });
    }
  }
  return {
    setup: {
      queue: form.queue.trim(),
      locationCode: form.locationCode,
      assignment: form.assignment,
      members: form.members.split(/[\s,]+/).filter(Boolean),
      openCap,
      returnAfterMinutes,
      responseTargets,
    },
  };
}

/** null for empty, undefined for anything but a whole number. */
function wholeNumber(typed: string): number | null | undefined {
  const text = typed.trim();
  if (!text) {
    return null;
  }
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** A queue's setup in one line, as read back after saving. */
export function queueWords(setup: QueueSetup): string {
  const parts = [ASSIGNMENTS[setup.assignment].replace(/ \(.*\)$/, '')];
  if (setup.members?.length) {
    parts.push(`members ${setup.members.join(', ')}`);
  }
  parts.push(setup.openCap == null ? 'no limit per person' : `at most ${setup.openCap} open per person`);
  parts.push(setup.returnAfterMinutes == null ? 'never returned' : `returned after ${setup.returnAfterMinutes} min unanswered`);
  return `${queueName(setup.queue)}: ${parts.join(', ')}.`;
}

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Opening hours as lines the admin edits: "Monday 08:00-17:00" (several lines for a lunch break). */
export function weeklyText(hours: LocationHours): string {
  return hours.weekly.map((w) => `${codeInWords(w.day.toLowerCase())} ${w.opens.slice(0, 5)}-${w.closes.slice(0, 5)}`).join('\n');
}

/** Holidays as lines: "2026-12-25 Christmas Day". */
export function holidaysText(hours: LocationHours): string {
  return hours.holidays.map((day) => `${day.date} ${day.name}`).join('\n');
}

/** The week and holidays from the lines, or the first line that cannot be read, in words. */
export function hoursFrom(weekly: string, holidays: string): { weekly: LocationHours['weekly']; holidays: LocationHours['holidays'] } | { problem: string } {
  const week: LocationHours['weekly'] = [];
  for (const line of lines(weekly)) {
    const match = /^([a-z]+)\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/i.exec(line);
    const day = match && DAYS.find((d) => d.startsWith(match[1].toUpperCase()) && match[1].length >= 3);
    if (!match || !day) {
      return { problem: `Opening hours: "${line}" should look like "Monday 08:00-17:00".` };
    }
    week.push({ day, opens: match[2].padStart(5, '0'), closes: match[3].padStart(5, '0') });
  }
  const days: LocationHours['holidays'] = [];
  for (const line of lines(holidays)) {
    const match = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(line);
    if (!match) {
      return { problem: `Holidays: "${line}" should look like "2026-12-25 Christmas Day".` };
    }
    days.push({ date: match[1], name: match[2] });
  }
  return { weekly: week, holidays: days };
}

function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The dry run's answer as facts in words, in the order the admin asks: where, how urgent, why. */
export function dryRunFacts(answer: DryRunAnswer): [string, string][] {
  const facts: [string, string][] = [
    ['Queue', `${queueName(answer.queue)} (${answer.locationCode})`],
    ['Priority', codeInWords(answer.priority)],
  ];
  if (answer.category) {
    facts.push(['Category', codeInWords(answer.category)]);
  }
  if (answer.urgency) {
    facts.push(['Urgency', codeInWords(answer.urgency)]);
  }
  facts.push(['Rule', answer.ruleId ? `${answer.ruleId} (version ${answer.rulesVersion ?? 'draft'})` : "The location's default"]);
  if (answer.directedTo) {
    facts.push(['Directed to', answer.directedTo]);
  }
  if (answer.autoReplyKind) {
    facts.push(['Automatic reply', codeInWords(answer.autoReplyKind)]);
  }
  if (answer.alertsOnCall) {
    facts.push(['On-call', 'Would be alerted']);
  }
  facts.push(['Why', answer.reason]);
  return facts;
}
