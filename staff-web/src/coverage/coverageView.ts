import type { Absence, CoverageApi, OnCallShift } from '../api/coverage';
import { h } from '../ui/dom';
import { locationName } from '../ui/format';
import { attempt, feedback, field, part, readSection } from '../ui/forms';
import { absenceFrom, absenceWords, onCallNowWords, shiftFrom, shiftWords } from './coverageWords';

export interface CoverageViewOptions {
  /** The person's username: everyone sets and ends their own out-of-office. */
  me: string;
  /** Their locations: on-call is shown (and set) there only. */
  locations: string[];
  /** Supervisors and practice admins put people on call and set anyone's out-of-office. */
  mayArrange: boolean;
  /** Problems the whole app handles (an expired sign-in signs out). */
  onProblem: (problem: unknown) => boolean;
}

/**
 * Who covers what: each location's on-call shifts (who an emergency alerts, now and next) and who is out of office
 * with the colleague covering for them. Everyone sees it and sets their own out-of-office; supervisors and practice
 * admins arrange on-call and anyone's absence. Usernames and times only, nothing about a patient.
 */
export class CoverageView {
  readonly element: HTMLElement;
  private readonly onCall = h('div', { class: 'coverage-on-call' });
  private readonly away = h('div', { class: 'coverage-away' });

  constructor(private readonly api: CoverageApi, private readonly options: CoverageViewOptions) {
    this.element = h('section', { class: 'page admin coverage', 'aria-labelledby': 'coverage-heading' },
      h('header', { class: 'page-header' },
        h('h1', { id: 'coverage-heading', tabindex: '-1' }, 'Coverage'),
        h('p', { class: 'page-intro' }, options.mayArrange
          ? 'Who an emergency alerts at each of your locations, and who covers for colleagues who are away.'
          : 'Who an emergency alerts at each of your locations, and who covers for colleagues who are away. '
            + 'Set your own out-of-office here; a supervisor arranges on-call.')),
      part('coverage-on-call', 'On call', this.onCall),
      part('coverage-away', 'Out of office', this.away),
    );
  }

  async load(): Promise<void> {
    await Promise.all([this.loadOnCall(), this.loadAbsences()]);
  }

  private async loadOnCall(done?: { location: string; text: string }): Promise<void> {
    await this.read(this.onCall, async () => {
      const shifts = await Promise.all(this.options.locations.map((location) => this.api.onCall(location)));
      this.onCall.replaceChildren(...this.options.locations.map((location, i) =>
        this.locationOnCall(location, shifts[i], done?.location === location ? done.text : undefined)));
    });
  }

  private locationOnCall(location: string, shifts: OnCallShift[], done?: string): HTMLElement {
    const now = new Date();
    const headingId = `on-call-${location}-heading`;
    return h('div', { class: 'coverage-location', 'data-location': location, role: 'group', 'aria-labelledby': headingId },
      h('h3', { id: headingId }, locationName(location)),
      h('p', { class: 'on-call-now' }, onCallNowWords(shifts, now)),
      shifts.length
        ? h('ul', { class: 'coverage-list', 'aria-label': `On-call shifts at ${locationName(location)}` },
          ...shifts.map((shift) => this.shiftItem(location, shift, now)))
        : null,
      this.options.mayArrange ? this.shiftForm(location, done) : null);
  }

  private shiftItem(location: string, shift: OnCallShift, now: Date): HTMLElement {
    const item = h('li', { 'data-shift-id': shift.id }, shiftWords(shift, now));
    if (this.options.mayArrange) {
      const remove = h('button', { type: 'button', class: 'quiet' }, `Take ${shift.staffUser}'s shift off the rota`);
      const [, error] = feedback();
      remove.addEventListener('click', () => void this.attempt(error, async () => {
        await this.api.removeOnCall(location, shift.id);
        await this.loadOnCall({ location, text: `${shift.staffUser}'s shift is off the rota: emergencies then alert `
          + 'whoever else is on call, or the whole clinical queue.' });
      }));
      item.append(' ', remove, error);
    }
    return item;
  }

  private shiftForm(location: string, done?: string): HTMLElement {
    const id = (name: string) => `on-call-${location}-${name}`;
    const who = h('input', { id: id('who'), autocomplete: 'off', spellcheck: 'false' });
    const from = h('input', { id: id('from'), type: 'datetime-local' });
    const until = h('input', { id: id('until'), type: 'datetime-local' });
    const [status, error] = feedback(done);
    const form = h('form', { class: 'admin-form', 'aria-label': `Put someone on call at ${locationName(location)}` },
      field(id('who'), 'Who (username)', who),
      field(id('from'), 'From (your time)', from),
      field(id('until'), 'Until (your time)', until),
      h('button', { type: 'submit', class: 'primary' }, 'Put on call'),
      status, error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = error.textContent = '';
      const read = shiftFrom({ staffUser: who.value, from: from.value, until: until.value });
      if ('problem' in read) {
        error.textContent = read.problem;
        return;
      }
      await this.attempt(error, async () => {
        await this.api.addOnCall(location, read.shift);
        await this.loadOnCall({ location, text: `${read.shift.staffUser} is on call then: emergencies written in that time alert them.` });
      });
    });
    return form;
  }

  private async loadAbsences(done?: string): Promise<void> {
    await this.read(this.away, async () => {
      const absences = await this.api.absences();
      const now = new Date();
      this.away.replaceChildren(
        absences.length
          ? h('ul', { class: 'coverage-list', 'aria-label': 'Staff out of office' }, ...absences.map((a) => this.absenceItem(a, now)))
          : h('p', {}, 'Nobody is out of office.'),
        this.absenceForm(done),
      );
    });
  }

  private absenceItem(absence: Absence, now: Date): HTMLElement {
    const item = h('li', { 'data-staff-user': absence.staffUser }, absenceWords(absence, now));
    if (this.options.mayArrange || absence.staffUser === this.options.me) {
      const end = h('button', { type: 'button', class: 'quiet' },
        absence.staffUser === this.options.me ? 'End my out-of-office' : `End ${absence.staffUser}'s out-of-office`);
      const [, error] = feedback();
      end.addEventListener('click', () => void this.attempt(error, async () => {
        await this.api.endAbsence(absence.staffUser);
        await this.loadAbsences(`${absence.staffUser} is back: messages meant for them go to them again.`);
      }));
      item.append(' ', end, error);
    }
    return item;
  }

  private absenceForm(done?: string): HTMLElement {
    const who = h('input', { id: 'away-who', value: this.options.me, autocomplete: 'off', spellcheck: 'false',
      readonly: !this.options.mayArrange });
    const coveredBy = h('input', { id: 'away-covered-by', autocomplete: 'off', spellcheck: 'false' });
    const from = h('input', { id: 'away-from', type: 'datetime-local' });
    const until = h('input', { id: 'away-until', type: 'datetime-local' });
    const [status, error] = feedback(done);
    const form = h('form', { class: 'admin-form', 'aria-label': 'Set an out-of-office' },
      field('away-who', this.options.mayArrange ? 'Who is away (username)' : 'Who is away (you)', who),
      field('away-covered-by', 'Covered by (username)', coveredBy),
      field('away-from', 'Away from (your time)', from),
      field('away-until', 'Back at (your time)', until),
      h('button', { type: 'submit', class: 'primary' }, 'Set out-of-office'),
      status, error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = error.textContent = '';
      const read = absenceFrom({ staffUser: who.value, coveredBy: coveredBy.value, from: from.value, until: until.value });
      if ('problem' in read) {
        error.textContent = read.problem;
        return;
      }
      await this.attempt(error, async () => {
        await this.api.setAbsence(read.staffUser, read.absence);
        await this.loadAbsences(`Set: while ${read.staffUser} is away, messages meant for them go to ${read.absence.coveredBy}.`);
      });
    });
    return form;
  }

  private attempt(error: HTMLElement, action: () => Promise<void>): Promise<void> {
    return attempt(error, action, this.options.onProblem);
  }

  private read(section: HTMLElement, load: () => Promise<void>): Promise<void> {
    return readSection(section, load, this.options.onProblem);
  }
}
