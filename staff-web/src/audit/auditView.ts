import type { AuditApi, AuditEntry, AuditFilters, ConversationReader, ExportFormat } from '../api/audit';
import { ApiProblem } from '../api/problems';
import { h } from '../ui/dom';
import { field } from '../ui/forms';
import { locationName, when } from '../ui/format';
import { AUDIT_ACTIONS, actionWords, chainWords, filtersFrom, pageWords } from './auditWords';

const PAGE_SIZE = 50;

export interface AuditViewOptions {
  /** Compliance officers verify the chain and export; supervisors only search and see readers. */
  mayKeep: boolean;
  /** Opened from a conversation: who read it is shown at once. */
  readersOf?: string;
  /** Puts the readers of a conversation in the address (an id, never PHI), so the page can be shared and reloaded. */
  showReaders: (conversationId: string) => void;
  /** Problems the whole app handles (an expired sign-in signs out). */
  onProblem: (problem: unknown) => boolean;
}

/**
 * The audit log for compliance officers and supervisors: a search by conversation, patient, staff member, action and time,
 * page by page; who read a conversation; for compliance officers the chain check and the export. Every one of these
 * is itself written to the audit log by the service, so nothing is read until the person asks.
 */
export class AuditView {
  readonly element: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly fields: Record<'conversationId' | 'patient' | 'actor' | 'action' | 'from' | 'to', HTMLInputElement | HTMLSelectElement>;
  private readonly problem = h('p', { class: 'audit-problem', role: 'alert' });
  private readonly chainResult = h('p', { class: 'chain-result', role: 'status' });
  private readonly exportDone = h('p', { class: 'export-done', role: 'status' });
  private readonly results = h('section', { class: 'audit-results', 'aria-labelledby': 'audit-results-heading', hidden: true });
  private readonly readers = h('section', { class: 'audit-readers', 'aria-labelledby': 'readers-heading', hidden: true });
  private filters: AuditFilters = {};
  /** Each search gets a number; the answer to one superseded by a newer search (or a refused form) is dropped. */
  private searchRound = 0;

  constructor(private readonly api: AuditApi, private readonly options: AuditViewOptions) {
    this.fields = {
      conversationId: h('input', { id: 'audit-conversation', name: 'conversationId', autocomplete: 'off', spellcheck: 'false' }),
      patient: h('input', { id: 'audit-patient', name: 'patient', autocomplete: 'off', spellcheck: 'false' }),
      actor: h('input', { id: 'audit-actor', name: 'actor', autocomplete: 'off', spellcheck: 'false' }),
      action: h('select', { id: 'audit-action', name: 'action' },
        h('option', { value: '' }, 'Any action'),
        ...Object.entries(AUDIT_ACTIONS).map(([code, words]) => h('option', { value: code }, words))),
      from: h('input', { id: 'audit-from', name: 'from', type: 'datetime-local' }),
      to: h('input', { id: 'audit-to', name: 'to', type: 'datetime-local' }),
    };
    this.fields.conversationId.value = options.readersOf ?? '';
    this.form = h('form', { class: 'audit-form', 'aria-label': 'Search the audit log' },
      field('audit-conversation', 'Conversation ID', this.fields.conversationId),
      field('audit-patient', "Patient's phone number or e-mail address", this.fields.patient),
      field('audit-actor', 'Staff member (username or user id)', this.fields.actor),
      field('audit-action', 'Action', this.fields.action),
      field('audit-from', 'From (your time)', this.fields.from),
      field('audit-to', 'To (your time, not included)', this.fields.to),
      h('div', { class: 'audit-form-buttons' },
        h('button', { type: 'submit', class: 'primary' }, 'Search'),
        ...(options.mayKeep ? (['csv', 'json'] as ExportFormat[]).map((format) => this.exportButton(format)) : [])),
    );
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search(0);
    });
    this.element = h('section', { class: 'page audit', 'aria-labelledby': 'audit-heading' },
      h('header', { class: 'page-header' },
        h('h1', { id: 'audit-heading', tabindex: '-1' }, 'Audit log'),
        h('p', { class: 'page-intro' },
          'Every read of patient information and every change, oldest first. Searching, listing who read a ' +
            'conversation, exporting and verifying are recorded in the log too.')),
      options.mayKeep ? this.chainCheck() : null,
      this.form,
      this.problem,
      this.exportDone,
      this.readers,
      this.results,
    );
  }

  /** Opened from a conversation: its readers at once; otherwise nothing is read until the person searches. */
  async load(): Promise<void> {
    if (this.options.readersOf) {
      await this.showReaders(this.options.readersOf, 0);
    }
  }

  private chainCheck(): HTMLElement {
    const verify = h('button', { type: 'button' }, 'Verify the audit log');
    verify.addEventListener('click', async () => {
      verify.disabled = true;
      this.chainResult.textContent = 'Checking every entry…';
      this.chainResult.className = 'chain-result';
      try {
        const status = await this.api.verify();
        this.chainResult.textContent = chainWords(status);
        this.chainResult.classList.add(status.intact ? 'intact' : 'broken');
      } catch (e) {
        this.chainResult.textContent = '';
        this.fail(e);
      } finally {
        verify.disabled = false;
      }
    });
    return h('div', { class: 'chain-check' }, verify, this.chainResult);
  }

  private exportButton(format: ExportFormat): HTMLButtonElement {
    const button = h('button', { type: 'button' }, `Export ${format.toUpperCase()}`);
    button.addEventListener('click', async () => {
      const asked = await this.readForm();
      if (!asked) {
        return;
      }
      button.disabled = true;
      this.exportDone.textContent = '';
      try {
        const { file, name } = await this.api.export(format, asked);
        // Handed to the browser as a download from memory; the object URL is let go once the browser has taken it
        // (revoking it at once can cancel the download).
        const url = URL.createObjectURL(file);
        const link = h('a', { href: url, download: name ?? `carethread-audit.${format}`, hidden: true });
        document.body.append(link);
        link.click();
        setTimeout(() => {
          link.remove();
          URL.revokeObjectURL(url);
        }, 10_000);
        this.exportDone.textContent = `Exported as ${format.toUpperCase()}; the export is recorded in the audit log.`;
      } catch (e) {
        this.fail(e);
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  /**
   * The form's filters, or undefined after saying what is wrong with them. A patient's address is first turned into
   * the blind index the log knows them by, so it never appears in an address bar, a history or a server log.
   */
  private async readForm(): Promise<AuditFilters | undefined> {
    this.problem.textContent = '';
    const read = filtersFrom({
      conversationId: this.fields.conversationId.value,
      actor: this.fields.actor.value,
      action: this.fields.action.value,
      from: this.fields.from.value,
      to: this.fields.to.value,
    });
    if ('problem' in read) {
      this.problem.textContent = read.problem;
      return undefined;
    }
    const patient = this.fields.patient.value.trim();
    if (!patient) {
      return read.filters;
    }
    try {
      return { ...read.filters, patientRef: await this.api.patientRef(patient) };
    } catch (e) {
      this.fail(e);
      return undefined;
    }
  }

  private async search(page: number): Promise<void> {
    const round = ++this.searchRound;
    if (page === 0) {
      const asked = await this.readForm();
      if (!asked || round !== this.searchRound) {
        return;
      }
      this.filters = asked;
    }
    try {
      const found = await this.api.search(this.filters, page, PAGE_SIZE);
      if (round === this.searchRound) {
        this.problem.textContent = '';
        this.renderResults(found.entries, page, found.total);
      }
    } catch (e) {
      if (round === this.searchRound) {
        this.fail(e);
      }
    }
  }

  private renderResults(entries: AuditEntry[], page: number, total: number): void {
    const heading = h('h2', { id: 'audit-results-heading', tabindex: '-1' }, 'Entries found');
    this.results.replaceChildren(
      heading,
      h('p', { class: 'audit-summary' }, pageWords(page, PAGE_SIZE, entries.length, total, 'entries')),
      h('div', {}, entries.length ? table('Audit entries, oldest first',
        ['When', 'Action', 'Staff member', 'Conversation', 'Location', 'From address', 'Break-glass reason'],
        entries.map((entry) => [
          h('time', { datetime: entry.occurredAt }, when(entry.occurredAt)),
          actionWords(entry.action),
          who(entry.actorName, entry.actorUserId),
          entry.conversationId ? this.readersButton(entry.conversationId) : '—',
          entry.locationCode ? locationName(entry.locationCode) : '—',
          entry.clientAddress ?? '—',
          entry.breakGlass ? entry.purpose ?? 'Break-glass (no reason recorded)' : '—',
        ])) : null,
      pager(page, PAGE_SIZE, total, 'audit entries', (next) => void this.search(next))),
    );
    this.results.hidden = false;
    heading.focus();
  }

  private readersButton(conversationId: string): HTMLElement {
    // The visible words start the accessible name, so speech users can say what they see.
    const button = h('button', { type: 'button', class: 'link-button', 'aria-label': `Who read it: conversation ${conversationId}` },
      'Who read it');
    button.addEventListener('click', () => {
      this.options.showReaders(conversationId);
      void this.showReaders(conversationId, 0);
    });
    return h('span', { class: 'audit-conversation', 'data-conversation-id': conversationId }, h('code', {}, conversationId), ' ', button);
  }

  private async showReaders(conversationId: string, page: number): Promise<void> {
    try {
      const found = await this.api.readers(conversationId, page, PAGE_SIZE);
      this.problem.textContent = '';
      this.renderReaders(conversationId, found.readers, page, found.total);
    } catch (e) {
      this.fail(e);
    }
  }

  private renderReaders(conversationId: string, readers: ConversationReader[], page: number, total: number): void {
    const heading = h('h2', { id: 'readers-heading', tabindex: '-1' }, 'Who read conversation ', h('code', {}, conversationId));
    this.readers.replaceChildren(
      heading,
      h('p', { class: 'audit-summary' }, pageWords(page, PAGE_SIZE, readers.length, total, 'reads')),
      h('div', {}, readers.length ? table('Reads of this conversation, newest first',
        ['Staff member', 'Roles', 'What', 'When', 'Location', 'From address', 'Break-glass reason'],
        readers.map((read) => [
          who(read.staffName, read.staffUserId),
          read.roles?.length ? read.roles.join(', ') : '—',
          actionWords(read.action),
          h('time', { datetime: read.readAt }, when(read.readAt)),
          read.locationCode ? locationName(read.locationCode) : '—',
          read.clientAddress ?? '—',
          read.breakGlass ? read.purpose ?? 'Break-glass (no reason recorded)' : '—',
        ])) : null,
      pager(page, PAGE_SIZE, total, 'reads', (next) => void this.showReaders(conversationId, next))),
    );
    this.readers.hidden = false;
    heading.focus();
  }

  private fail(e: unknown): void {
    if (this.options.onProblem(e)) {
      return;
    }
    this.problem.textContent = e instanceof ApiProblem ? e.plainMessage : 'Something went wrong. Please try again.';
  }
}

/** A person by username, their Keycloak id kept at hand for a compliance officer who needs it. */
function who(name: string | null, id: string | null): string | Node {
  if (!id) {
    return name ?? '—';
  }
  return name && name !== id ? h('span', { title: `User id ${id}` }, name) : id;
}

function table(caption: string, columns: string[], rows: (string | Node)[][]): HTMLTableElement {
  return h('table', { class: 'data-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
  );
}

function pager(page: number, size: number, total: number, what: string, go: (page: number) => void): HTMLElement | null {
  if (total <= size) {
    return null;
  }
  const previous = h('button', { type: 'button', disabled: page === 0 }, 'Previous page');
  const next = h('button', { type: 'button', disabled: (page + 1) * size >= total }, 'Next page');
  previous.addEventListener('click', () => go(page - 1));
  next.addEventListener('click', () => go(page + 1));
  return h('nav', { class: 'pager', 'aria-label': `Pages of ${what}` }, previous, next);
}
