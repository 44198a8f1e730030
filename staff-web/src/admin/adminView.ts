import { PRIORITIES, type AdminApi, type Assignment, type QueueSetup, type ResponseTarget } from '../api/admin';
import type { Outcome } from '../api/outcomes';
import type { Template } from '../api/templates';
import { h } from '../ui/dom';
import { attempt, feedback, field, part, readSection } from '../ui/forms';
import { codeInWords, locationName, queueName } from '../ui/format';
import { RulesSection } from './rulesSection';
import { ASSIGNMENTS, holidaysText, hoursFrom, queueForm, queueSetupFrom, queueWords, weeklyText } from './setupForms';

export interface AdminViewOptions {
  /** The admin's locations: queues and hours are set up there only. */
  locations: string[];
  templates: () => Promise<Template[]>;
  /** Problems the whole app handles (an expired sign-in signs out). */
  onProblem: (problem: unknown) => boolean;
}

/**
 * The practice admin's setup: queues (automatic assignment, cap, return timer, response targets), the practice's
 * default targets, outcomes, templates, routing rules with a dry run, and each location's hours and holidays. Every
 * form says what the service did or, when it refused, why in its words; nothing here is about a patient.
 */
export class AdminView {
  readonly element: HTMLElement;
  private readonly queues = h('div', { class: 'admin-queues' });
  private readonly defaults = h('div', {});
  private readonly outcomes = h('div', {});
  private readonly templates = h('div', {});
  private readonly rules: RulesSection;
  private readonly hours = h('div', {});

  constructor(private readonly api: AdminApi, private readonly options: AdminViewOptions) {
    this.rules = new RulesSection(api, { locations: options.locations, onProblem: options.onProblem });
    this.element = h('section', { class: 'page admin', 'aria-labelledby': 'admin-heading' },
      h('header', { class: 'page-header' },
        h('h1', { id: 'admin-heading', tabindex: '-1' }, 'Practice setup'),
        h('p', { class: 'page-intro' }, 'Queues and who works them, response targets, outcomes, templates, routing and opening hours.'),
        h('nav', { 'aria-label': 'Setup sections' }, h('ul', { class: 'admin-sections', role: 'list' },
          ...[['admin-queues', 'Queues'], ['admin-defaults', 'Default targets'], ['admin-outcomes', 'Outcomes'],
            ['admin-templates', 'Templates'], ['admin-rules', 'Routing rules'], ['admin-hours', 'Hours and holidays']]
            .map(([id, label]) => h('li', {}, h('a', { href: `#${id}` }, label)))))),
      part('admin-queues', 'Queues and automatic assignment', this.queues),
      part('admin-defaults', "The practice's default response targets", this.defaults),
      part('admin-outcomes', 'Outcomes', this.outcomes),
      part('admin-templates', 'Templates', this.templates),
      part('admin-rules', 'Routing rules', this.rules.element),
      part('admin-hours', 'Opening hours and holidays', this.hours),
    );
  }

  async load(): Promise<void> {
    await Promise.all([this.loadQueues(), this.loadOutcomes(), this.loadTemplates(), this.rules.load(), this.loadHours()]);
  }

  private async loadQueues(note?: { queue: string; text: string }): Promise<void> {
    await this.read(this.queues, async () => {
      const setup = await this.api.queues();
      this.queues.replaceChildren(
        ...setup.queues.map((queue) => this.queueCard(queue, note?.queue === queue.queue ? note.text : undefined)),
        this.queueCard(null),
        h('p', { class: 'admin-note' }, setup.staffAway.length
          ? `Out of office now, so automatic assignment passes them by: ${setup.staffAway.join(', ')}.`
          : 'Nobody is out of office now.'),
      );
      this.defaults.replaceChildren(this.defaultTargetsForm(setup.defaultTargets));
    });
  }

  /** One queue's form; `null` is the form for setting up another queue. */
  private queueCard(setup: QueueSetup | null, done?: string): HTMLElement {
    const key = setup ? setup.queue : 'new';
    const form = queueForm(setup ?? {
      queue: '', locationCode: this.options.locations[0] ?? '', assignment: 'none', openCap: null,
      returnAfterMinutes: null, members: [], responseTargets: [],
    });
    const id = (name: string) => `queue-${key}-${name}`;
    const code = h('input', { id: id('code'), value: form.queue, autocomplete: 'off', spellcheck: 'false' });
    const location = h('select', { id: id('location') }, ...this.options.locations.map((l) =>
      h('option', { value: l, selected: l === form.locationCode }, locationName(l))));
    const assignment = h('select', { id: id('assignment') }, ...Object.entries(ASSIGNMENTS).map(([value, words]) =>
      h('option', { value, selected: value === form.assignment }, words)));
    const members = h('input', { id: id('members'), value: form.members, autocomplete: 'off', spellcheck: 'false' });
    const cap = h('input', { id: id('cap'), value: form.openCap, inputmode: 'numeric', autocomplete: 'off' });
    const returnAfter = h('input', { id: id('return'), value: form.returnAfterMinutes, inputmode: 'numeric', autocomplete: 'off' });
    const targets = targetRows(id('target'), form.targets, 'practice default');
    const [status, error] = feedback(done ?? '');
    const heading = setup ? `${queueName(setup.queue)} · ${locationName(setup.locationCode)}` : 'Set up another queue';
    const element = h('form', { class: 'admin-form queue-setup', 'aria-label': heading, 'data-queue': setup?.queue },
      h('h3', {}, heading),
      setup ? null : field(id('code'), 'Queue code (as routing names it)', code),
      setup ? null : field(id('location'), 'Location', location),
      field(id('assignment'), 'Automatic assignment', assignment),
      field(id('members'), 'Members (usernames, in turn order)', members),
      field(id('cap'), 'Most open per person (empty: no limit)', cap),
      field(id('return'), 'Return after, minutes unanswered (empty: never)', returnAfter),
      targets.element,
      h('div', { class: 'admin-form-buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Save queue')),
      status,
      error,
    );
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = error.textContent = '';
      const read = queueSetupFrom({
        queue: code.value, locationCode: location.value, assignment: assignment.value as Assignment,
        members: members.value, openCap: cap.value, returnAfterMinutes: returnAfter.value, targets: targets.read(),
      });
      if ('problem' in read) {
        error.textContent = read.problem;
        return;
      }
      await this.attempt(error, async () => {
        await this.api.saveQueue(read.setup);
        // Read back from the service, so what is shown is what it keeps.
        const saved = (await this.api.queues()).queues.find((q) => q.queue === read.setup.queue);
        await this.loadQueues({ queue: read.setup.queue, text: saved ? `Saved. ${queueWords(saved)}` : 'Saved.' });
      });
    });
    return element;
  }

  private defaultTargetsForm(current: ResponseTarget[]): HTMLElement {
    const targets = targetRows('default-target', Object.fromEntries(PRIORITIES.map((priority) => {
      const target = current.find((t) => t.priority === priority);
      return [priority, { minutes: target ? String(target.minutes) : '', businessHours: target?.businessHours ?? false }];
    })), 'required');
    const [status, error] = feedback();
    const form = h('form', { class: 'admin-form', 'aria-label': 'Default response targets' }, targets.element,
      h('div', { class: 'admin-form-buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Save default targets')), status, error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = error.textContent = '';
      const typed = targets.read();
      const chosen = PRIORITIES.map((priority) => ({ priority, minutes: Number(typed[priority].minutes), businessHours: typed[priority].businessHours }));
      await this.attempt(error, async () => {
        await this.api.saveDefaultTargets(chosen);
        status.textContent = 'Saved: queues without their own target answer to these.';
      });
    });
    return form;
  }

  private async loadOutcomes(done?: string): Promise<void> {
    await this.read(this.outcomes, async () => {
      const outcomes = await this.api.outcomes();
      const [status, error] = feedback(done ?? '');
      this.outcomes.replaceChildren(
        h('table', { class: 'data-table' },
          h('caption', {}, 'Outcomes staff resolve with, in order; a retired one is no longer offered'),
          h('thead', {}, h('tr', {}, ...['Code', 'Label', 'Offered', ''].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, ...outcomes.map((outcome) => this.outcomeRow(outcome, status, error)))),
        this.addOutcomeForm(error),
        status,
        error,
      );
    });
  }

  private outcomeRow(outcome: Outcome, status: HTMLElement, error: HTMLElement): HTMLElement {
    const label = h('input', { id: `outcome-${outcome.code}-label`, value: outcome.label, 'aria-label': `Label of ${outcome.code}` });
    const active = h('input', { type: 'checkbox', checked: outcome.active, 'aria-label': `Offer ${outcome.code}` });
    const save = h('button', { type: 'button' }, 'Save');
    save.setAttribute('aria-label', `Save ${outcome.code}`);
    save.addEventListener('click', async () => {
      status.textContent = error.textContent = '';
      await this.attempt(error, async () => {
        const saved = await this.api.saveOutcome(outcome.code, { label: label.value, active: active.checked });
        await this.loadOutcomes(`Saved "${saved.label}"${saved.active ? '' : ' (retired)'}.`);
      });
    });
    return h('tr', {}, h('th', { scope: 'row' }, h('code', {}, outcome.code)), h('td', {}, label), h('td', {}, active), h('td', {}, save));
  }

  private addOutcomeForm(error: HTMLElement): HTMLElement {
    const code = h('input', { id: 'new-outcome-code', autocomplete: 'off', spellcheck: 'false' });
    const label = h('input', { id: 'new-outcome-label', autocomplete: 'off' });
    const form = h('form', { class: 'admin-form', 'aria-label': 'Add an outcome' },
      field('new-outcome-code', 'New outcome code (e.g. sent-to-billing)', code),
      field('new-outcome-label', 'Label', label),
      h('button', { type: 'submit' }, 'Add outcome'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      await this.attempt(error, async () => {
        const saved = await this.api.saveOutcome(code.value.trim(), { label: label.value, active: true });
        await this.loadOutcomes(`Added "${saved.label}".`);
      });
    });
    return form;
  }

  /**
   * The templates, and one form that adds a template or, after "Edit" on a row, saves a new version of that one
   * (staff answering with it from then on get the new text; earlier replies keep theirs).
   */
  private async loadTemplates(done?: string): Promise<void> {
    await this.read(this.templates, async () => {
      const templates = await this.options.templates();
      const [status, error] = feedback(done ?? '');
      const name = h('input', { id: 'new-template-name', autocomplete: 'off' });
      const category = h('input', { id: 'new-template-category', autocomplete: 'off', spellcheck: 'false' });
      const body = h('textarea', { id: 'new-template-body', rows: '3' });
      const heading = h('h3', { id: 'template-form-heading' }, 'Add a template');
      const save = h('button', { type: 'submit' }, 'Add template');
      const cancel = h('button', { type: 'button', hidden: true }, 'Cancel editing');
      let editing: Template | undefined;
      const edit = (template: Template | undefined) => {
        editing = template;
        heading.textContent = template ? `Edit "${template.name}"` : 'Add a template';
        save.textContent = template ? `Save as version ${template.version + 1}` : 'Add template';
        cancel.hidden = !template;
        name.value = template?.name ?? '';
        category.value = template?.category ?? '';
        body.value = template?.body ?? '';
        error.textContent = '';
      };
      cancel.addEventListener('click', () => edit(undefined));
      const form = h('form', { class: 'admin-form', 'aria-labelledby': 'template-form-heading' },
        heading,
        field('new-template-name', 'Template name', name),
        field('new-template-category', 'Category (e.g. scheduling)', category),
        field('new-template-body', 'Text, with variables like {{patient_first_name}}', body),
        h('div', { class: 'admin-form-buttons' }, save, cancel));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        error.textContent = '';
        const draft = { name: name.value, category: category.value.trim(), body: body.value };
        await this.attempt(error, async () => {
          if (editing) {
            await this.api.saveTemplate(editing.id, editing.version, draft);
            await this.loadTemplates(`Saved "${draft.name}" as version ${editing.version + 1}.`);
          } else {
            await this.api.addTemplate(draft);
            await this.loadTemplates(`Added "${draft.name}".`);
          }
        });
      });
      this.templates.replaceChildren(
        h('table', { class: 'data-table' },
          h('caption', {}, 'Templates staff answer with'),
          h('thead', {}, h('tr', {}, ...['Name', 'Category', 'Text', 'Version', ''].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, ...templates.map((template) => {
            const change = h('button', { type: 'button', 'aria-label': `Edit ${template.name}` }, 'Edit');
            change.addEventListener('click', () => {
              edit(template);
              name.focus();
            });
            const retire = h('button', { type: 'button', 'aria-label': `Retire ${template.name}` }, 'Retire');
            retire.addEventListener('click', async () => {
              error.textContent = '';
              await this.attempt(error, async () => {
                await this.api.retireTemplate(template.id);
                await this.loadTemplates(`Retired "${template.name}"; it is no longer offered.`);
              });
            });
            return h('tr', {}, h('th', { scope: 'row' }, template.name), h('td', {}, codeInWords(template.category)),
              h('td', {}, template.body), h('td', {}, String(template.version)), h('td', {}, change, ' ', retire));
          }))),
        form, status, error);
    });
  }

  private async loadHours(): Promise<void> {
    await this.read(this.hours, async () => {
      const forms = await Promise.all(this.options.locations.map(async (location) => this.hoursForm(location)));
      this.hours.replaceChildren(...forms);
    });
  }

  private async hoursForm(location: string): Promise<HTMLElement> {
    const hours = await this.api.hours(location);
    const weekly = h('textarea', { id: `hours-${location}-weekly`, rows: '7', spellcheck: 'false' }, weeklyText(hours));
    const holidays = h('textarea', { id: `hours-${location}-holidays`, rows: '4', spellcheck: 'false' }, holidaysText(hours));
    const [status, error] = feedback();
    const form = h('form', { class: 'admin-form', 'aria-label': `Hours of ${locationName(location)}` },
      h('h3', {}, `${locationName(location)} (${hours.timeZone})`),
      field(`hours-${location}-weekly`, 'Opening hours, one line each (Monday 08:00-17:00)', weekly),
      field(`hours-${location}-holidays`, 'Holidays, one line each (2026-12-25 Christmas Day)', holidays),
      h('button', { type: 'submit' }, `Save hours of ${locationName(location)}`),
      status, error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = error.textContent = '';
      const read = hoursFrom(weekly.value, holidays.value);
      if ('problem' in read) {
        error.textContent = read.problem;
        return;
      }
      await this.attempt(error, async () => {
        await this.api.saveHours(location, { timeZone: hours.timeZone, ...read });
        status.textContent = 'Saved: after-hours replies and business-hours targets follow these hours now.';
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

/** Minutes and "business hours" per priority, in a table with row and column headers. */
function targetRows(prefix: string, typed: Record<string, { minutes: string; businessHours: boolean }>, empty: string) {
  const inputs = PRIORITIES.map((priority) => ({
    priority,
    minutes: h('input', { id: `${prefix}-${priority}-minutes`, value: typed[priority]?.minutes ?? '', inputmode: 'numeric', size: '6', 'aria-label': `${codeInWords(priority)} target, minutes (empty: ${empty})` }),
    businessHours: h('input', { type: 'checkbox', checked: typed[priority]?.businessHours ?? false, 'aria-label': `${codeInWords(priority)} target counts business hours only` }),
  }));
  return {
    element: h('div', { class: 'targets' }, h('table', { class: 'data-table' },
      h('caption', {}, 'Response targets'),
      h('thead', {}, h('tr', {}, ...['Priority', 'Minutes', 'Business hours only'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...inputs.map((row) => h('tr', {}, h('th', { scope: 'row' }, codeInWords(row.priority)), h('td', {}, row.minutes), h('td', {}, row.businessHours)))))),
    read: () => Object.fromEntries(inputs.map((row) => [row.priority, { minutes: row.minutes.value, businessHours: row.businessHours.checked }])),
  };
}
