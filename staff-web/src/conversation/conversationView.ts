import type { ConversationDetail, ConversationsApi, ConversationSummary, Message, QueueCount, ReplyDraft } from '../api/conversations';
import type { OutcomesApi } from '../api/outcomes';
import type { Patient, PatientsApi } from '../api/patients';
import type { Template, TemplateVariable } from '../api/templates';
import { ApiProblem } from '../api/problems';
import { ComposeBox } from '../compose/composeBox';
import { ageOn, birthDateText } from '../identity/reviewList';
import { autoReplyLabel, triageBadges } from '../triage/labels';
import { badgeList } from '../triage/badges';
import { h, opensHere } from '../ui/dom';
import { channelName, codeInWords, deliveryName, locationName, queueName, when } from '../ui/format';
import { NotesPanel } from '../notes/notesPanel';
import { ActionsPanel } from '../workflow/actionsPanel';
import { HistoryPanel } from './historyPanel';
import { ConversationFiles } from './attachments';
import { ESCALATIONS, ownerText, statusName, targetClock } from '../workflow/labels';
import type { Changes } from '../live/liveFeed';
import { catchUp } from './catchUp';
import { emergencyNotice, routingFacts, triageReasons } from './whyHere';

const STILL_ON_ITS_WAY = new Set(['QUEUED', 'SUBMITTED']);
/** How conversation-service names the author of the replies CareThread sends by itself. */
const AUTOMATIC_AUTHOR = 'CareThread (automatic)';

export interface ConversationViewOptions {
  /** The signed-in person's username. */
  me: string;
  outcomes: OutcomesApi;
  /** The practice's templates and their variables, for the compose box. */
  templates: () => Promise<{ templates: Template[]; variables: TemplateVariable[] }>;
  /** The person changed the conversation (an action): the inbox should show it at once. */
  onChanged: () => void;
  /** Present when this person may read directory patients: then a matched sender can be looked up on request. */
  patients?: PatientsApi;
  /** Present when this person may work identity reviews: then a sender waiting for one links there. */
  openIdentityReviews?: () => void;
  /** Present for compliance officers and supervisors: who read this conversation, from the audit log. */
  whoRead?: () => void;
  /** Opens another conversation in the app (the patient's other conversations link to theirs). */
  open?: (id: string) => void;
  /** The queues the person may see, as the inbox last had them: the Assign form suggests them. */
  queues: () => QueueCount[];
}

/**
 * One open conversation: an emergency banner when it is one, why it is here, its timeline and the reply box. Opening
 * it reads the patient's messages, which the service audits, so it is read again only when it changed (see
 * {@link catchUp}); replies on their way are followed through their delivery status, which holds no PHI and is not
 * an audited read.
 */
export class ConversationView {
  readonly element: HTMLElement;
  private conversation?: ConversationDetail;
  private timeline?: HTMLOListElement;
  private header?: HTMLElement;
  // Made once and kept through re-renders: the banner is announced when it appears or changes, not on every new
  // message; the panel stays open or closed as the person left it.
  private readonly emergency = h('div', { class: 'emergency-banner', role: 'alert', hidden: true });
  private readonly why = h('details', { class: 'why' });
  private readonly patientArea = h('div', { class: 'why-patient' });
  private patientShownFor?: string;
  // Made once: a new patient message re-renders the timeline, never a reply being written.
  private readonly compose: ComposeBox;
  private readonly actions: ActionsPanel;
  private readonly notes: NotesPanel;
  private readonly history: HistoryPanel;
  private readonly files: ConversationFiles;
  private readonly scheduled = h('section', { class: 'scheduled', 'aria-labelledby': 'scheduled-heading', hidden: true });

  constructor(
    private readonly api: ConversationsApi,
    readonly id: string,
    private readonly onProblem: (problem: unknown) => void,
    private readonly options: ConversationViewOptions,
  ) {
    this.compose = new ComposeBox((draft, key, shown) => this.reply(draft, key, shown), {
      library: options.templates,
      preview: (templateId, values) => api.previewTemplate(id, templateId, values),
      schedule: async (draft, sendAt) => {
        await api.scheduleReply(id, draft, sendAt);
        // The list shows scheduled texts only from the (audited) conversation read.
        await this.load();
      },
    });
    const signsOut = (e: unknown) => {
      const expired = e instanceof ApiProblem && e.status === 401;
      if (expired) {
        this.onProblem(e);
      }
      return expired;
    };
    this.actions = new ActionsPanel({
      api,
      outcomes: options.outcomes,
      me: options.me,
      queues: options.queues,
      onDone: (after) => this.changed(after),
      onReadAgain: () => void this.load(),
      signsOut,
    });
    this.notes = new NotesPanel((text) => api.addNote(id, text), signsOut);
    this.history = new HistoryPanel(() => api.history(id), signsOut);
    this.files = new ConversationFiles({
      attachment: (mediaId) => api.attachment(id, mediaId),
      thumbnail: (mediaId) => api.thumbnail(id, mediaId),
    }, onProblem);
    this.element = h('section', { class: 'conversation', 'aria-labelledby': 'conversation-heading', tabindex: '-1' },
      h('p', { class: 'loading' }, 'Opening the conversation…'));
  }

  async load(): Promise<void> {
    try {
      this.conversation = await this.api.get(this.id);
      this.render();
    } catch (e) {
      const message = e instanceof ApiProblem ? e.plainMessage : 'The conversation could not be opened.';
      this.header = this.timeline = undefined;
      this.element.replaceChildren(
        h('h2', { id: 'conversation-heading' }, 'Conversation'),
        h('p', { class: 'notice', role: 'alert' }, message),
      );
    }
  }

  /** The view is left: the patient's files it fetched are let go. */
  close(): void {
    this.files.close();
  }

  /** Called each time the inbox was read again after a change, with this conversation's row if it is listed. */
  async refresh(summary: ConversationSummary | undefined, changes: Changes): Promise<void> {
    if (!this.conversation) {
      return;
    }
    switch (catchUp(this.conversation, summary, changes)) {
      case 'read':
        return this.load();
      case 'follow-replies':
        return this.followReplies();
    }
  }

  /** An action went through: its answer is the conversation's new state (the row's masked address is not taken). */
  private changed(after: ConversationSummary): void {
    if (!this.conversation) {
      return;
    }
    const { patient: _masked, messageCount: _count, ...state } = after;
    Object.assign(this.conversation, state);
    this.render();
    this.options.onChanged();
  }

  private async followReplies(): Promise<void> {
    const pending = this.conversation?.messages.filter(
      (m) => m.direction === 'outbound' && m.deliveryStatus !== null && STILL_ON_ITS_WAY.has(m.deliveryStatus),
    ) ?? [];
    for (const message of pending) {
      try {
        const status = await this.api.replyStatus(this.id, message.id);
        message.deliveryStatus = status.deliveryStatus;
        message.failureReason = status.failureReason;
        this.timeline?.querySelector(`[data-message-id="${CSS.escape(message.id)}"] .delivery`)?.replaceWith(deliveryOf(message));
      } catch (e) {
        this.onProblem(e);
      }
    }
  }

  private async reply(draft: ReplyDraft, idempotencyKey: string, text: string): Promise<void> {
    const sent = await this.api.reply(this.id, draft, idempotencyKey);
    if (!this.conversation || this.conversation.messages.some((m) => m.id === sent.id)) {
      return;
    }
    const message: Message = {
      id: sent.id,
      direction: 'outbound',
      channel: this.conversation.channel,
      text,
      at: sent.at,
      deliveryStatus: sent.deliveryStatus,
      failureReason: sent.failureReason,
      sentBy: null,
      sentByName: 'you',
      kind: null,
    };
    this.conversation.messages.push(message);
    this.timeline?.append(messageItem(message));
    this.timeline?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  private render(): void {
    const c = this.conversation!;
    // Focusable, so the keyboard can scroll a long timeline (and axe's scrollable-region rule holds).
    const timeline = h('ol', { class: 'timeline', 'aria-label': 'Messages, oldest first', tabindex: '0' },
      ...c.messages.map((message) => messageItem(message, this.files)));
    const badges = triageBadges(c, (iso) => when(iso));
    const header = h(
      'header',
      { class: 'conversation-header' },
      h('h2', { id: 'conversation-heading' }, c.patient.address),
      h(
        'p',
        { class: 'conversation-where' },
        `${locationName(c.locationCode)} · ${queueName(c.queue)} · ${channelName(c.channel)}`,
      ),
      workflowLine(c, this.options.me),
      badges.length ? badgeList(badges, 'conversation-triage') : null,
      this.whoReadLink(),
    );
    this.actions.show(c);
    this.renderEmergency(c);
    this.renderWhy(c);
    this.notes.show(c.notes ?? []);
    this.renderScheduled(c);
    if (this.timeline && this.header) {
      this.header.replaceWith(header);
      this.timeline.replaceWith(timeline);
    } else {
      this.element.replaceChildren(this.emergency, header, this.actions.element, this.why, this.notes.element,
        this.history.element, timeline, this.scheduled, this.compose.element);
    }
    this.header = header;
    this.timeline = timeline;
    timeline.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  /** Replies waiting for their time, each with Cancel; sent and cancelled ones are history. */
  private renderScheduled(c: ConversationDetail): void {
    const waiting = (c.scheduledReplies ?? []).filter((r) => r.status === 'scheduled');
    this.scheduled.hidden = waiting.length === 0;
    const problem = h('p', { class: 'action-error', role: 'alert' });
    this.scheduled.replaceChildren(
      h('h3', { id: 'scheduled-heading' }, `Scheduled replies (${waiting.length})`),
      h('ul', { class: 'scheduled-list' }, ...waiting.map((reply) => {
        const cancel = h('button', { type: 'button', 'aria-label': `Cancel the reply scheduled for ${when(reply.sendAt)}` }, 'Cancel');
        cancel.addEventListener('click', async () => {
          cancel.disabled = true;
          try {
            await this.api.cancelScheduledReply(this.id, reply.id);
            await this.load();
          } catch (e) {
            cancel.disabled = false;
            this.onProblemOr(problem, e);
          }
        });
        return h('li', { class: 'scheduled-reply' },
          h('p', { class: 'message-who' }, 'For ', h('time', { datetime: reply.sendAt }, when(reply.sendAt)), ` · by ${reply.createdBy}`),
          h('p', { class: 'message-text' }, reply.text ?? ''),
          cancel);
      })),
      problem,
    );
  }

  /** An expired sign-in signs out; anything else is said where it happened. */
  private onProblemOr(where: HTMLElement, e: unknown): void {
    if (e instanceof ApiProblem && e.status === 401) {
      this.onProblem(e);
      return;
    }
    where.textContent = e instanceof ApiProblem ? e.plainMessage : 'That did not work. Please try again.';
  }

  private whoReadLink(): HTMLElement | null {
    const open = this.options.whoRead;
    if (!open) {
      return null;
    }
    const link = h('a', { href: `/audit/conversations/${encodeURIComponent(this.id)}`, class: 'who-read' }, 'Who read this conversation');
    link.addEventListener('click', (event) => {
      if (opensHere(event)) {
        event.preventDefault();
        open();
      }
    });
    return h('p', {}, link);
  }

  private renderEmergency(c: ConversationDetail): void {
    const notice = emergencyNotice(c, (iso) => when(iso));
    if (!notice) {
      this.emergency.hidden = true;
      this.emergency.replaceChildren();
      return;
    }
    if (this.emergency.hidden || this.emergency.textContent !== notice) {
      // Only a new or changed emergency is announced again.
      this.emergency.replaceChildren(notice);
      this.emergency.hidden = false;
    }
  }

  private renderWhy(c: ConversationDetail): void {
    const reasons = triageReasons(c);
    const facts = routingFacts(c, (iso) => when(iso));
    const body = h(
      'div',
      { class: 'why-body' },
      h(
        'dl',
        { class: 'why-facts' },
        ...facts.map((fact) => h('div', { class: 'why-fact' }, h('dt', {}, fact.label), h('dd', {}, fact.value))),
      ),
      h('h3', { id: 'why-reasons-heading' }, 'Triage reasons'),
      reasons.length
        ? h('ul', { class: 'why-reasons', 'aria-labelledby': 'why-reasons-heading' }, ...reasons.map((reason) => h('li', {}, reason)))
        : h('p', { class: 'why-none' }, 'No triage reasons recorded.'),
      this.identityAction(c),
    );
    this.why.replaceChildren(h('summary', {}, 'Why is this here?'), body);
  }

  /** A sender waiting for a check links to the review; a matched one can be looked up (an audited read) on request. */
  private identityAction(c: ConversationDetail): HTMLElement | null {
    if (c.identity === 'review' && this.options.openIdentityReviews) {
      const link = h('a', { href: '/identity-reviews' }, 'Go to Identity review to say who wrote');
      link.addEventListener('click', (event) => {
        if (opensHere(event)) {
          event.preventDefault();
          this.options.openIdentityReviews!();
        }
      });
      return h('p', { class: 'why-action' }, link);
    }
    if (c.identity === 'matched' && c.patientId && this.options.patients) {
      if (this.patientShownFor !== c.patientId) {
        this.patientShownFor = undefined;
        const show = h('button', { type: 'button' }, 'Show patient details');
        show.addEventListener('click', () => void this.showPatient(c.patientId!, show));
        this.patientArea.replaceChildren(show);
      }
      return this.patientArea;
    }
    return null;
  }

  private async showPatient(patientId: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const patient = await this.options.patients!.get(patientId);
      this.patientShownFor = patientId;
      const others = h('button', { type: 'button' }, 'Show their other conversations');
      others.addEventListener('click', () => void this.showOtherConversations(patientId, others));
      this.patientArea.replaceChildren(patientDetails(patient), others);
      this.patientArea.querySelector<HTMLElement>('h3')?.focus();
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 401) {
        this.onProblem(e);
        return;
      }
      button.disabled = false;
      const message = e instanceof ApiProblem ? e.plainMessage : "The patient's details could not be loaded.";
      this.patientArea.replaceChildren(button, h('p', { class: 'notice', role: 'alert' }, message));
    }
  }

  /** The patient's other conversations, found by a search (audited like every search) only when asked for. */
  private async showOtherConversations(patientId: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const found = await this.api.search({ patientId, limit: 50 });
      button.replaceWith(otherConversations(found.filter((c) => c.id !== this.id), this.options.open));
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 401) {
        this.onProblem(e);
        return;
      }
      button.disabled = false;
      const message = e instanceof ApiProblem ? e.plainMessage : 'The other conversations could not be found.';
      this.patientArea.append(h('p', { class: 'notice', role: 'alert' }, message));
    }
  }
}

/** The patient's other conversations as links, newest activity first as the search answers; "none" said in words. */
export function otherConversations(others: ConversationSummary[], open?: (id: string) => void): HTMLElement {
  const heading = h('h4', { id: 'other-conversations-heading' }, 'Other conversations');
  if (!others.length) {
    return h('div', { class: 'other-conversations' }, heading, h('p', {}, 'None: this is their only conversation.'));
  }
  return h('div', { class: 'other-conversations' }, heading, h('ul', { 'aria-labelledby': 'other-conversations-heading' },
    ...others.map((c) => {
      const link = h('a', { href: `/conversations/${encodeURIComponent(c.id)}`, 'data-conversation-id': c.id },
        `${locationName(c.locationCode)} · ${queueName(c.queue)} · ${channelName(c.channel)} · ${statusName(c.status)}`);
      link.addEventListener('click', (event) => {
        if (open && opensHere(event)) {
          event.preventDefault();
          open(c.id);
        }
      });
      return h('li', {}, link, ' ', h('time', { datetime: c.lastMessageAt }, when(c.lastMessageAt)));
    })));
}

/** Where it stands: status, owner, the clock against its target, an escalation, the outcome. */
function workflowLine(c: ConversationDetail, me: string): HTMLElement {
  const clock = targetClock(c);
  const escalation = ESCALATIONS.find((e) => e.value === c.escalation)?.label;
  return h(
    'p',
    { class: 'conversation-workflow' },
    h('span', { class: 'status' }, statusName(c.status)),
    ` · ${ownerText(c, me)}`,
    c.status === 'snoozed' && c.snoozedUntil ? ` · until ${when(c.snoozedUntil)}` : null,
    c.outcome ? ` · Outcome: ${codeInWords(c.outcome)}` : null,
    clock ? ' · ' : null,
    clock ? h('span', { class: `clock clock-${clock.tone}` }, clock.text) : null,
    escalation ? ' · ' : null,
    escalation ? h('span', { class: 'escalated' }, `Escalated: ${escalation}`) : null,
  );
}

function patientDetails(patient: Patient): HTMLElement {
  const age = ageOn(patient.birthDate);
  const rows: [string, string][] = [
    ['Name', `${patient.givenName} ${patient.familyName}`.trim()],
    ['Date of birth', `${birthDateText(patient.birthDate)}${age === null ? '' : ` (age ${age})`}`],
    ['Home location', locationName(patient.homeLocation)],
    ['Primary provider', patient.primaryProvider ?? 'None recorded'],
  ];
  if (patient.careTeam) {
    rows.push(['Care team', patient.careTeam]);
  }
  if (patient.mrn) {
    rows.push(['MRN', patient.mrn]);
  }
  return h(
    'div',
    { class: 'patient-card' },
    h('h3', { tabindex: '-1' }, 'Patient'),
    h('dl', { class: 'why-facts' }, ...rows.map(([label, value]) => h('div', { class: 'why-fact' }, h('dt', {}, label), h('dd', {}, value)))),
  );
}

/** A message in the timeline; a patient's e-mail shows its subject, and any message the files that came with it. */
export function messageItem(message: Message, files?: ConversationFiles): HTMLLIElement {
  const inbound = message.direction === 'inbound';
  const automatic = !inbound && (!!message.kind || message.sentByName === AUTOMATIC_AUTHOR);
  const who = inbound
    ? 'Patient'
    : automatic
      ? autoReplyLabel(message.kind) ?? 'Automatic reply'
      : `Reply by ${message.sentByName ?? 'staff'}`;
  return h(
    'li',
    {
      class: `message ${inbound ? 'inbound' : 'outbound'}${automatic ? ' automatic' : ''}`,
      'data-message-id': message.id,
      'data-kind': automatic ? message.kind ?? 'automatic' : undefined,
    },
    h('p', { class: 'message-who' }, who),
    message.subject ? h('p', { class: 'message-subject' }, h('span', { class: 'label' }, 'Subject: '), message.subject) : null,
    h('p', { class: 'message-text' }, message.text),
    files?.list(message.attachments) ?? null,
    h(
      'p',
      { class: 'message-meta' },
      h('time', { datetime: message.at }, when(message.at)),
      inbound ? null : deliveryOf(message),
    ),
  );
}

function deliveryOf(message: Message): HTMLElement {
  return h(
    'span',
    { class: 'delivery', 'data-status': message.deliveryStatus ?? '' },
    deliveryName(message.deliveryStatus),
    message.deliveryStatus === 'FAILED' && message.failureReason ? `: ${message.failureReason}` : null,
  );
}
