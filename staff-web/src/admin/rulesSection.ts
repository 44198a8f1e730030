import type { AdminApi, RoutingRule, RuleSet } from '../api/admin';
import { ApiProblem } from '../api/problems';
import { h } from '../ui/dom';
import { type AppProblems, attempt, feedback, field, readSection } from '../ui/forms';
import { locationName, when } from '../ui/format';
import {
  CATEGORY_CHOICES, CHANNEL_CHOICES, DIRECT_TO_CHOICES, IDENTITY_CHOICES, PRIORITY_CHOICES, type RuleForm, TIME_CHOICES,
  URGENCY_CHOICES, blankRule, queueChoices, ruleForm, ruleFrom, rulesFrom, rulesFromJson, rulesProblemWords, ruleSummary,
} from './ruleForms';
import { dryRunFacts } from './setupForms';

export interface RulesSectionOptions {
  /** The admin's locations, offered as the clinics a rule is for. */
  locations: string[];
  onProblem: AppProblems;
}

/** A rule on screen: `key` keeps its fields' ids apart while rules move. */
interface Card {
  key: number;
  form: RuleForm;
}

/**
 * Setup's routing rules: the version in force as cards in order (first match wins), each with its conditions as
 * boxes to tick, its actions, and what it does in a sentence; moved, removed and added, then saved as a new version
 * based on the one shown. The same rules as JSON for those who prefer it, and a dry run of the rules being edited.
 */
export class RulesSection {
  readonly element = h('div', { class: 'admin-rules' });
  private cards: Card[] = [];
  private nextKey = 0;
  /** The queues set up at the admin's clinics, offered in each rule's queue field. */
  private setUpQueues: string[] = [];

  constructor(private readonly api: AdminApi, private readonly options: RulesSectionOptions) {}

  async load(done?: string): Promise<void> {
    await readSection(this.element, async () => {
      const [rules, setup] = await Promise.all([this.api.rules(), this.api.queues()]);
      this.setUpQueues = setup.queues.map((q) => q.queue);
      this.show(rules, done);
    }, this.options.onProblem);
  }

  private show(current: RuleSet, done?: string): void {
    this.cards = current.rules.map((rule) => this.card(ruleForm(rule)));
    const list = h('ol', { class: 'rule-list' });
    // Enter in one rule's field would submit the form and save every rule half-edited: only the Save button saves.
    list.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
        event.preventDefault();
      }
    });
    const moved = h('p', { class: 'admin-note', 'aria-live': 'polite' });
    const comment = h('input', { id: 'rules-comment', autocomplete: 'off' });
    const [status, error] = feedback(done);
    const json = this.jsonEditor(() => draw(), (text) => { moved.textContent = text; });

    const draw = (focus?: { key: number; controls: string[] }) => {
      list.replaceChildren(...this.cards.map((card, index) => this.cardElement(card, index, {
        edited: () => json.formChanged(),
        move: (by) => {
          const [taken] = this.cards.splice(index, 1);
          this.cards.splice(index + by, 0, taken);
          moved.textContent = `${ruleTitle(index + by, taken.form)}: moved ${by < 0 ? 'up' : 'down'}. Not saved yet.`;
          draw({ key: taken.key, controls: by < 0 ? ['up', 'down'] : ['down', 'up'] });
        },
        remove: () => {
          const [gone] = this.cards.splice(index, 1);
          moved.textContent = `Removed rule ${index + 1} ("${gone.form.description || 'new rule'}"). Not saved yet.`;
          const next = this.cards[Math.min(index, this.cards.length - 1)];
          draw(next ? { key: next.key, controls: ['heading'] } : undefined);
          if (!next) {
            add.focus();
          }
        },
      })));
      if (!this.cards.length) {
        list.append(h('li', { class: 'admin-note' }, 'No rules: every message goes to its clinic\'s default queue (new contacts to intake).'));
      }
      json.formChanged();
      // The first of the controls asked for that can take focus: a rule moved to the top has no "Move up".
      const target = focus?.controls.map((control) => list.querySelector<HTMLButtonElement>(`#rule-${focus.key}-${control}`))
        .find((element) => element && !element.disabled);
      target?.focus();
    };

    const add = h('button', { type: 'button' }, 'Add a rule');
    add.addEventListener('click', () => {
      const card = this.card(blankRule());
      this.cards.push(card);
      moved.textContent = `Added rule ${this.cards.length} at the end. Not saved yet.`;
      draw({ key: card.key, controls: ['description'] });
    });

    const save = h('form', { class: 'admin-form rules-form', 'aria-label': 'Routing rules' },
      h('p', { class: 'admin-note' }, current.version
        ? `Version ${current.version}${current.createdBy ? `, saved by ${current.createdBy}` : ''}${current.comment ? `: ${current.comment}` : ''}.`
        : 'No rules saved yet: every location routes to its default queue.'),
      h('p', { class: 'rules-intro' }, 'Each message is checked against the rules from the top: the first rule it fits decides '
        + 'where it goes, and the rules below it are not looked at. A rule fits when the message fits every part ticked or '
        + 'typed; within a part, any one ticked is enough; a part left empty fits every message. Emergencies never reach '
        + 'the rules: they always go to the clinical queue first.'),
      list,
      h('datalist', { id: 'rule-queues' }, ...queueChoices(this.setUpQueues,
        current.rules.map((rule) => rule.then?.queue ?? ''), this.options.locations)
        .map(([code, words]) => h('option', { value: code }, words))),
      h('div', { class: 'admin-form-buttons' }, add),
      moved,
      json.element,
      this.versionHistory(current.version, (version) => {
        this.cards = version.rules.map((rule) => this.card(ruleForm(rule)));
        draw(this.cards[0] ? { key: this.cards[0].key, controls: ['heading'] } : undefined);
        moved.textContent = `The form shows version ${version.version}'s rules now. Not saved yet: saving makes them the newest version.`;
      }),
      field('rules-comment', 'Why it changed', comment),
      h('button', { type: 'submit', class: 'primary' }, 'Save as a new version'),
      status,
      error);
    save.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = error.textContent = '';
      const rules = this.draft(error, json.pending());
      if (!rules) {
        return;
      }
      await this.attempt(error, rules, async () => {
        const saved = await this.api.saveRules(current.version, rules, comment.value);
        // Read back from the service, so what is shown is what it keeps.
        await this.load(`Saved as version ${saved.version}.`);
      }, () => {
        const again = h('button', { type: 'button' }, 'Show the version in force (the changes here are let go)');
        again.addEventListener('click', () => void this.load());
        error.append(' ', again);
      });
    });
    draw();
    this.element.replaceChildren(save, this.dryRunForm((where) => this.draft(where, json.pending())));
  }

  /** Every saved version, read when opened; an earlier one can be put into the form, to be saved as the newest. */
  private versionHistory(inForce: number, use: (version: RuleSet) => void): HTMLElement {
    const body = h('div', {}, h('p', {}, 'Reading the versions…'));
    const details = h('details', { class: 'rules-history' }, h('summary', {}, 'Earlier versions'), body);
    details.addEventListener('toggle', () => {
      if (!details.open) {
        return;
      }
      void readSection(body, async () => {
        const versions = await this.api.ruleVersions();
        body.replaceChildren(versions.length
          ? h('ol', { class: 'rule-versions', 'aria-label': 'Versions, newest first' }, ...versions.map((version) => {
            const item = h('li', { 'data-version': String(version.version) }, versionWords(version, inForce),
              h('ol', { class: 'rule-version-rules' }, ...version.rules.map((rule) => h('li', {}, ruleSummary(ruleForm(rule))))));
            if (version.version !== inForce) {
              const restore = h('button', { type: 'button' }, `Put version ${version.version}'s rules in the form`);
              restore.addEventListener('click', () => use(version));
              item.append(restore);
            }
            return item;
          }))
          : h('p', {}, 'No version has been saved yet.'));
      }, this.options.onProblem);
    });
    return details;
  }

  private card(form: RuleForm): Card {
    return { key: this.nextKey++, form };
  }

  /** The rules being edited, or undefined with the reason said in `where`. */
  private draft(where: HTMLElement, jsonPending: boolean): RoutingRule[] | undefined {
    if (jsonPending) {
      where.textContent = 'The JSON under "Edit as JSON" has changes the form does not have yet: press "Use this JSON", '
        + 'or close "Edit as JSON" to let them go.';
      return undefined;
    }
    const read = rulesFrom(this.cards.map((card) => card.form));
    if ('problem' in read) {
      where.textContent = read.problem;
      return undefined;
    }
    return read.rules;
  }

  private cardElement(card: Card, index: number, on: { edited: () => void; move: (by: -1 | 1) => void; remove: () => void }): HTMLElement {
    const { form, key } = card;
    const id = (name: string) => `rule-${key}-${name}`;
    const heading = h('h3', { id: id('heading'), tabindex: '-1' }, ruleTitle(index, form));
    const summary = h('p', { class: 'rule-summary' }, ruleSummary(form));
    const button = (name: string, label: string, action: () => void, disabled = false) => {
      const element = h('button', { type: 'button', id: id(name), disabled, 'aria-label': `${label}, rule ${index + 1}` }, label);
      element.addEventListener('click', action);
      return element;
    };
    const element = h('li', { class: 'rule-card', 'aria-labelledby': id('heading') },
      heading,
      summary,
      text(id('description'), 'Description (e.g. Billing questions go to the billing desk)', form.description, (v) => { form.description = v; }),
      h('fieldset', { class: 'rule-when' }, h('legend', {}, 'When the message is…'),
        choices(id('categories'), 'About', CATEGORY_CHOICES, form.categories),
        choices(id('urgencies'), 'Urgency', URGENCY_CHOICES, form.urgencies),
        choices(id('locations'), 'Written to', this.options.locations.map((l): [string, string] => [l, locationName(l)]), form.locations),
        choices(id('channels'), 'Sent by', CHANNEL_CHOICES, form.channels),
        choices(id('identities'), 'From', IDENTITY_CHOICES, form.identities),
        radios(id('time'), 'Written', TIME_CHOICES, form.time, (v) => { form.time = v; }),
        text(id('care-teams'), 'From patients of care teams (codes, comma-separated; empty: any)', form.careTeams, (v) => { form.careTeams = v; }),
        text(id('keywords'), 'Mentioning any of these words (comma-separated; empty: any)', form.keywords, (v) => { form.keywords = v; })),
      h('fieldset', { class: 'rule-then' }, h('legend', {}, 'Then'),
        text(id('queue'), 'Queue it goes to (empty: the clinic\'s default; {location} stands for the clinic written to, as in {location}-billing)', form.queue, (v) => { form.queue = v; }, 'rule-queues'),
        select(id('direct-to'), 'For whom', DIRECT_TO_CHOICES, form.directTo, (v) => { form.directTo = v as RuleForm['directTo']; }),
        text(id('colleague'), 'Colleague (username, when it is for a colleague)', form.colleague, (v) => { form.colleague = v; }),
        select(id('priority'), 'Priority', PRIORITY_CHOICES, form.priority, (v) => { form.priority = v; }),
        check(id('after-hours-reply'), 'Send the after-hours reply even when the message is not routine', form.afterHoursReply, (v) => { form.afterHoursReply = v; }),
        check(id('escalate'), 'Raise the priority one step (never above high)', form.escalate, (v) => { form.escalate = v; })),
      text(id('code'), 'Rule code, named in the dry run and in "Why is this here?" (empty: made from the description)', form.id, (v) => { form.id = v; }),
      h('div', { class: 'admin-form-buttons' },
        button('up', 'Move up', () => on.move(-1), index === 0),
        button('down', 'Move down', () => on.move(1), index === this.cards.length - 1),
        button('remove', 'Remove', on.remove)));
    const changed = () => {
      heading.textContent = ruleTitle(index, form);
      summary.textContent = ruleSummary(form);
      on.edited();
    };
    element.addEventListener('input', changed);
    element.addEventListener('change', changed);
    return element;
  }

  /** The rules as JSON, kept in step with the form until typed in; "Use this JSON" puts them into the form. */
  private jsonEditor(redraw: () => void, say: (text: string) => void) {
    const text = h('textarea', { id: 'rules-json', rows: '14', spellcheck: 'false', class: 'rules-json' });
    const error = h('p', { class: 'admin-error', role: 'alert' });
    const use = h('button', { type: 'button' }, 'Use this JSON');
    const details = h('details', { class: 'rules-json-editor' }, h('summary', {}, 'Edit as JSON'),
      field('rules-json', 'The rules as JSON, first match wins (fields the form does not show are kept)', text),
      h('div', { class: 'admin-form-buttons' }, use),
      error);
    let written = '';
    const write = () => {
      text.value = written = JSON.stringify(this.cards.map((card) => ruleFrom(card.form)), null, 2);
      error.textContent = '';
    };
    const pending = () => details.open && text.value !== written;
    details.addEventListener('toggle', write);
    use.addEventListener('click', () => {
      const read = rulesFromJson(text.value);
      if ('problem' in read) {
        error.textContent = read.problem;
        return;
      }
      this.cards = read.forms.map((form) => this.card(form));
      redraw();
      write();
      say(`The form shows the JSON's ${this.cards.length} rules now. Not saved yet.`);
    });
    return {
      element: details,
      pending,
      /** Keeps the JSON in step with the form, unless the admin is typing in it. */
      formChanged: () => {
        if (!pending()) {
          write();
        }
      },
    };
  }

  private dryRunForm(draft: (where: HTMLElement) => RoutingRule[] | undefined): HTMLElement {
    const number = h('input', { id: 'dry-run-number', autocomplete: 'off', inputmode: 'tel', value: '' });
    const text = h('textarea', { id: 'dry-run-text', rows: '2' });
    const at = h('input', { id: 'dry-run-at', type: 'datetime-local' });
    const useDraft = h('input', { id: 'dry-run-draft', type: 'checkbox' });
    const answer = h('div', { class: 'dry-run-answer', 'aria-live': 'polite' });
    const error = h('p', { class: 'admin-error', role: 'alert' });
    const form = h('form', { class: 'admin-form', 'aria-label': 'Dry run' },
      h('h3', {}, 'Dry run: where would a message go?'),
      field('dry-run-number', "Practice number it is sent to (e.g. 15550001001)", number),
      field('dry-run-text', 'Message (made up; nothing is stored or sent)', text),
      field('dry-run-at', 'At (empty: now)', at),
      h('div', { class: 'action-field checkbox' }, useDraft, h('label', { for: 'dry-run-draft' }, 'Try the rules above, unsaved')),
      h('button', { type: 'submit' }, 'Try it'),
      error,
      answer);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      answer.replaceChildren();
      const rules = useDraft.checked ? draft(error) : undefined;
      if (useDraft.checked && !rules) {
        return;
      }
      await this.attempt(error, rules, async () => {
        const result = await this.api.dryRun({
          practiceNumber: number.value.trim(), text: text.value,
          at: at.value ? new Date(at.value).toISOString() : undefined, rules,
        });
        answer.replaceChildren(h('dl', { class: 'why-facts' }, ...dryRunFacts(result).map(([term, value]) =>
          h('div', { class: 'why-fact' }, h('dt', {}, term), h('dd', {}, value)))));
      });
    });
    return form;
  }

  /**
   * Does what a form asked; a field-by-field refusal of `rules` sent names each rule and field as the form does,
   * anything else is said as the app says it. `changed` adds to what is said when someone saved another version
   * meanwhile (409).
   */
  private attempt(error: HTMLElement, rules: RoutingRule[] | undefined, action: () => Promise<void>, changed?: () => void): Promise<void> {
    return attempt(error, async () => {
      try {
        await action();
      } catch (e) {
        const errors = e instanceof ApiProblem && e.status === 422 ? e.problem?.errors : undefined;
        if (rules && errors?.length) {
          error.textContent = `That did not go through: ${rulesProblemWords(errors, rules)}`;
        } else if (e instanceof ApiProblem && e.status === 409 && changed) {
          error.textContent = e.plainMessage;
          changed();
        } else {
          throw e;
        }
      }
    }, this.options.onProblem);
  }
}

function ruleTitle(index: number, form: RuleForm): string {
  return `Rule ${index + 1}: ${form.description.trim() || 'new rule'}`;
}

function versionWords(version: RuleSet, inForce: number): string {
  const saved = [version.createdBy && `saved by ${version.createdBy}`, version.createdAt && when(version.createdAt)]
    .filter(Boolean).join(', ');
  const rules = `${version.rules.length} rule${version.rules.length === 1 ? '' : 's'}`;
  return `Version ${version.version}${version.version === inForce ? ' (in force)' : ''}${saved ? `, ${saved}` : ''}: `
    + `${rules}${version.comment ? `. "${version.comment}"` : ''}`;
}

/** A typed field; `list` names a datalist of suggestions (typing something else stays possible). */
function text(id: string, label: string, value: string, set: (value: string) => void, list?: string): HTMLElement {
  const input = h('input', { id, value, autocomplete: 'off', spellcheck: 'false', list });
  input.addEventListener('input', () => set(input.value));
  return field(id, label, input);
}

/** The options, and after them any chosen code the form has no words for (a newer service's), as it is, so it is not lost. */
function offered(options: [string, string][], chosen: string[]): [string, string][] {
  return [...options, ...chosen.filter((code) => !options.some(([known]) => known === code)).map((code): [string, string] => [code, code])];
}

function select(id: string, label: string, options: [string, string][], value: string, set: (value: string) => void): HTMLElement {
  const control = h('select', { id }, ...offered(options, [value]).map(([code, words]) => h('option', { value: code, selected: code === value }, words)));
  control.addEventListener('change', () => set(control.value));
  return field(id, label, control);
}

function check(id: string, label: string, checked: boolean, set: (checked: boolean) => void): HTMLElement {
  const box = h('input', { id, type: 'checkbox', checked });
  box.addEventListener('change', () => set(box.checked));
  return h('div', { class: 'action-field checkbox' }, box, h('label', { for: id }, label));
}

/** Boxes to tick for a closed set; ticked codes the form has no words for are offered as they are. */
function choices(id: string, legend: string, options: [string, string][], ticked: string[]): HTMLElement {
  return h('fieldset', { class: 'rule-choices' }, h('legend', {}, legend), ...offered(options, ticked).map(([code, words]) => {
    const box = h('input', { id: `${id}-${code}`, type: 'checkbox', value: code, checked: ticked.includes(code) });
    box.addEventListener('change', () => {
      const at = ticked.indexOf(code);
      if (box.checked && at < 0) {
        ticked.push(code);
      } else if (!box.checked && at >= 0) {
        ticked.splice(at, 1);
      }
    });
    return h('span', { class: 'checkbox' }, box, h('label', { for: `${id}-${code}` }, words));
  }));
}

function radios(id: string, legend: string, options: [string, string][], value: string, set: (value: string) => void): HTMLElement {
  return h('fieldset', { class: 'rule-choices' }, h('legend', {}, legend), ...offered(options, [value]).map(([code, words]) => {
    const radio = h('input', { id: `${id}-${code || 'any'}`, type: 'radio', name: id, value: code, checked: code === value });
    radio.addEventListener('change', () => set(code));
    return h('span', { class: 'checkbox' }, radio, h('label', { for: `${id}-${code || 'any'}` }, words));
  }));
}
