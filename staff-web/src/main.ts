import './styles.css';
import { ApiClient } from './api/client';
import { AdminApi } from './api/admin';
import { AuditApi } from './api/audit';
import { ReportsApi } from './api/reports';
import { CoverageApi } from './api/coverage';
import { ConversationsApi, type ConversationSummary, type QueueCount } from './api/conversations';
import { IdentityReviewsApi } from './api/identityReviews';
import { LiveApi } from './api/live';
import { MentionsApi } from './api/mentions';
import { OutcomesApi } from './api/outcomes';
import { PatientsApi } from './api/patients';
import { TemplatesApi } from './api/templates';
import { ApiProblem } from './api/problems';
import { mayOpen, navigationFor, PAGES, routeOf, Router, type Route } from './app/router';
import { AdminView } from './admin/adminView';
import { AuditView } from './audit/auditView';
import { CoverageView } from './coverage/coverageView';
import { DashboardView } from './dashboard/dashboardView';
import { IdleTimer } from './auth/idle';
import { AUDIT_KEEPERS, COVERAGE_ARRANGERS, PATIENT_READERS, hasAnyRole } from './auth/roles';
import { Session } from './auth/session';
import { ConversationView } from './conversation/conversationView';
import { IdentityReviewsView } from './identity/identityReviewsView';
import { InboxView } from './inbox/inboxView';
import { KeyboardShortcuts } from './keyboard/keyboardHelp';
import { MentionCount } from './mentions/mentionCount';
import { mayHaveMentioned } from './mentions/mentionWords';
import { MentionsView } from './mentions/mentionsView';
import { Changes, LiveFeed } from './live/liveFeed';
import { ReadMarks } from './inbox/readMarks';
import { h, opensHere } from './ui/dom';
import { locationName } from './ui/format';

/** Due times are kept by the service on its own beat, without a live update: the list is read again this often. */
const CLOCKS_MS = 60_000;
const IDLE_SIGN_OUT_MS = 15 * 60_000;
const IDLE_WARNING_MS = 60_000;

const root = document.getElementById('app')!;

async function start(): Promise<void> {
  const signedOut = new URLSearchParams(window.location.search).get('signed-out');
  if (signedOut) {
    showSignedOut(signedOut === 'idle');
    return;
  }
  let session: Session;
  try {
    session = await Session.signIn();
  } catch {
    root.replaceChildren(
      h('main', { id: 'main', class: 'signed-out' },
        h('h1', {}, 'CareThread'),
        h('p', { role: 'alert' }, 'The sign-in service cannot be reached right now. Please try again in a moment.'),
        h('a', { class: 'button primary', href: '/' }, 'Try again')),
    );
    return;
  }
  new StaffApp(session).start();
}

/** After signing out nothing of the session is left; signing in again is one click away. */
function showSignedOut(idle: boolean): void {
  root.replaceChildren(
    h('main', { id: 'main', class: 'signed-out' },
      h('h1', {}, 'CareThread'),
      h('p', { role: 'status' }, idle
        ? 'You were signed out because nothing happened for 15 minutes.'
        : 'You are signed out.'),
      h('a', { class: 'button primary', href: '/' }, 'Sign in')),
  );
}

class StaffApp {
  private readonly conversations: ConversationsApi;
  private readonly identityReviews: IdentityReviewsApi;
  private readonly patients: PatientsApi;
  private readonly outcomes: OutcomesApi;
  private readonly templates: TemplatesApi;
  private readonly audit: AuditApi;
  private readonly reports: ReportsApi;
  private readonly admin: AdminApi;
  private readonly coverage: CoverageApi;
  private readonly mentions: MentionsApi;
  private readonly mentionCount: MentionCount;
  private readonly live: LiveFeed;
  private readonly router = new Router();
  private readonly marks = new ReadMarks();
  private readonly inbox: InboxView;
  private readonly banner = h('p', { class: 'banner', role: 'alert', hidden: true });
  private readonly idleWarning = h('div', { class: 'idle-warning', role: 'alertdialog', 'aria-labelledby': 'idle-text', hidden: true });
  private readonly nav = h('nav', { class: 'nav', 'aria-label': 'Main' });
  private readonly main = h('main', { id: 'main', class: 'layout', tabindex: '-1' });
  private readonly detailPane = h('div', { class: 'detail-pane' });
  private latest: ConversationSummary[] = [];
  /** The queue list as last asked for with the inbox; the Assign form suggests from it. */
  private queues: QueueCount[] = [];
  private open?: ConversationView;
  /** The Mentions screen while it is shown: it follows the same changes as the count. */
  private mentionsPage?: MentionsView;
  /** Each ask for the list gets a number; an answer to an older ask (before a filter changed) is dropped. */
  private listRound = 0;
  /** Changes heard but not yet caught up with, kept when an ask for the list is superseded by the next. */
  private unseen = new Changes();

  constructor(private readonly session: Session) {
    const client = new ApiClient(() => session.token());
    this.conversations = new ConversationsApi(client);
    this.identityReviews = new IdentityReviewsApi(client);
    this.patients = new PatientsApi(client);
    this.outcomes = new OutcomesApi(client);
    this.templates = new TemplatesApi(client);
    this.audit = new AuditApi(client);
    this.reports = new ReportsApi(client);
    this.admin = new AdminApi(client);
    this.coverage = new CoverageApi(client);
    this.mentions = new MentionsApi(client);
    this.mentionCount = new MentionCount(
      () => this.mentions.mine(true),
      (id) => this.mentions.seen(id),
      (e) => this.signsOut(e),
    );
    const liveApi = new LiveApi(client);
    this.live = new LiveFeed({
      follow: (signal) => liveApi.follow(signal),
      onChange: (changes) => {
        void this.loadList(changes);
        this.followMentions(changes);
      },
      onState: (state) => this.inbox.showLive(state),
      onSignedOut: (problem) => this.problem(problem),
    });
    this.inbox = new InboxView(
      session.staffMember.username,
      this.marks,
      (id) => this.router.go({ page: 'conversation', id }),
      () => void this.loadList(new Changes()),
      (criteria) => this.conversations.search(criteria),
    );
  }

  private get roles(): string[] {
    return this.session.staffMember.roles;
  }

  start(): void {
    const who = this.session.staffMember;
    const signOut = h('button', { type: 'button', class: 'quiet' }, 'Sign out');
    signOut.addEventListener('click', () => void this.session.signOut());
    root.replaceChildren(
      h('header', { class: 'topbar' },
        h('span', { class: 'brand' }, 'CareThread'),
        this.nav,
        h('span', { class: 'who' }, who.name, h('span', { class: 'where' }, who.locations.map(locationName).join(', '))),
        signOut),
      this.idleWarning,
      this.banner,
      this.main,
    );
    const shortcuts = new KeyboardShortcuts(this.main);
    root.append(shortcuts.help);
    shortcuts.start();
    this.router.onChange((route) => this.show(route));
    this.show(this.router.current);
    void this.loadList(new Changes(true));
    void this.mentionCount.refresh();
    this.live.start();
    setInterval(() => void this.loadList(new Changes()), CLOCKS_MS);
    this.watchIdleness();
  }

  /** The pages this person may open; the inbox stays current while a conversation is open beside it. */
  private renderNav(route: Route): void {
    const here = route.page === 'conversation' ? 'inbox' : route.page;
    this.nav.replaceChildren(h('ul', { role: 'list' }, ...navigationFor(this.roles).map((entry) => {
      const link = h('a', { href: entry.path, 'aria-current': entry.page === here ? 'page' : undefined }, entry.label,
        entry.page === 'mentions' && this.mentionCount.element);
      link.addEventListener('click', (event) => {
        if (opensHere(event)) {
          event.preventDefault();
          this.router.go(routeOf(entry.path));
        }
      });
      return h('li', {}, link);
    })));
  }

  private show(route: Route): void {
    this.open?.close();
    this.open = undefined;
    this.mentionsPage = undefined;
    this.mentionCount.reads(null);
    document.title = `${PAGES[route.page].title} · CareThread`;
    this.renderNav(route);
    if (!mayOpen(route, this.roles)) {
      this.main.className = 'layout single';
      this.main.replaceChildren(h('section', { class: 'page', 'aria-labelledby': 'page-heading' },
        h('h1', { id: 'page-heading' }, PAGES[route.page].title),
        h('p', { class: 'notice', role: 'alert' },
          'Your account is not allowed to open this page. Ask your practice admin if you need access.')));
      return;
    }
    // Readers opened from an audit row change the address only; the audit page itself stays as it is.
    if (route.page === 'audit' && route.readersOf && this.main.querySelector(':scope > .audit')) {
      return;
    }
    const page = this.pageView(route);
    if (page) {
      this.main.className = 'layout single';
      this.main.replaceChildren(page.element);
      void page.load();
      return;
    }
    if (this.main.firstElementChild !== this.inbox.element) {
      this.main.className = 'layout';
      this.main.replaceChildren(this.inbox.element, this.detailPane);
    }
    if (route.page === 'inbox') {
      this.detailPane.replaceChildren(h('p', { class: 'empty-detail' }, 'Choose a conversation to read and answer it.'));
    } else if (route.page === 'conversation') {
      const view = new ConversationView(this.conversations, route.id, (e) => this.problem(e), {
        me: this.session.staffMember.username,
        outcomes: this.outcomes,
        // Read with each conversation opened, so a template a colleague just added is there.
        templates: async () => {
          const [templates, variables] = await Promise.all([this.templates.list(), this.templates.variables()]);
          return { templates, variables };
        },
        onChanged: () => void this.loadList(new Changes()),
        patients: hasAnyRole(this.roles, PATIENT_READERS) ? this.patients : undefined,
        openIdentityReviews: mayOpen('identity-reviews', this.roles)
          ? () => this.router.go({ page: 'identity-reviews' })
          : undefined,
        open: (id) => this.router.go({ page: 'conversation', id }),
        queues: () => this.queues,
        whoRead: mayOpen('audit', this.roles)
          ? () => this.router.go({ page: 'audit', readersOf: route.id })
          : undefined,
      });
      this.open = view;
      this.detailPane.replaceChildren(view.element);
      void view.load().then(() => {
        const row = this.latest.find((c) => c.id === route.id);
        if (row) {
          this.marks.markSeen(row);
        }
        this.inbox.render(this.latest, route.id);
        view.element.focus();
        if (this.open === view) {
          this.mentionCount.reads(route.id);
        }
      });
    }
    this.inbox.render(this.latest, this.open?.id ?? null);
  }

  /** The full-width pages; undefined for the inbox and a conversation, which share the inbox's layout. */
  private pageView(route: Route): { element: HTMLElement; load: () => Promise<void> } | undefined {
    const signsOut = (e: unknown) => this.signsOut(e);
    switch (route.page) {
      case 'mentions':
        return (this.mentionsPage = new MentionsView(this.mentions, {
          me: this.session.staffMember.username,
          open: (id) => this.router.go({ page: 'conversation', id }),
          onSeen: () => void this.mentionCount.refresh(),
          onProblem: signsOut,
        }));
      case 'identity-reviews':
        return new IdentityReviewsView(this.identityReviews, signsOut);
      case 'coverage':
        return new CoverageView(this.coverage, {
          me: this.session.staffMember.username,
          locations: this.session.staffMember.locations,
          mayArrange: hasAnyRole(this.roles, COVERAGE_ARRANGERS),
          onProblem: signsOut,
        });
      case 'dashboard':
        return new DashboardView(this.reports, signsOut);
      case 'setup':
        return new AdminView(this.admin, {
          locations: this.session.staffMember.locations,
          templates: () => this.templates.list(),
          onProblem: signsOut,
        });
      case 'audit':
        return new AuditView(this.audit, {
          mayKeep: hasAnyRole(this.roles, AUDIT_KEEPERS),
          readersOf: route.readersOf,
          showReaders: (conversationId) => this.router.go({ page: 'audit', readersOf: conversationId }),
          onProblem: signsOut,
        });
      default:
        return undefined;
    }
  }

  /**
   * Asks for the list with the inbox's view and filters: when something changed (live updates, or slow polls while
   * they are down), and at once when the view or a filter changes. The open conversation then catches up.
   */
  private async loadList(changes: Changes): Promise<void> {
    const round = ++this.listRound;
    this.unseen = this.unseen.with(changes);
    try {
      const [latest, queues] = await Promise.all([this.conversations.list(this.inbox.filters), this.conversations.queues()]);
      if (round !== this.listRound) {
        return;
      }
      this.queues = queues;
      this.inbox.showQueues(queues);
      this.latest = latest;
      const openRow = this.latest.find((c) => c.id === this.open?.id);
      const unseen = this.unseen;
      this.unseen = new Changes();
      await this.open?.refresh(openRow, unseen);
      if (openRow) {
        this.marks.markSeen(openRow);
      }
      this.inbox.render(this.latest, this.open?.id ?? null);
      this.banner.hidden = true;
    } catch (e) {
      if (round === this.listRound) {
        this.problem(e);
      }
    }
  }

  /** A note at the person's locations may mention them: the count, and the Mentions screen if open, are read again. */
  private followMentions(changes: Changes): void {
    if (mayHaveMentioned(changes)) {
      void this.mentionCount.refresh();
      void this.mentionsPage?.load();
    }
  }

  /** An expired sign-in ends the session wherever it shows up; true when that happened. */
  private signsOut(e: unknown): boolean {
    if (e instanceof ApiProblem && e.status === 401) {
      void this.session.signOut();
      return true;
    }
    return false;
  }

  private problem(e: unknown): void {
    if (this.signsOut(e)) {
      return;
    }
    this.banner.textContent = e instanceof ApiProblem ? e.plainMessage : 'Something went wrong. Please reload the page.';
    this.banner.hidden = false;
  }

  private watchIdleness(): void {
    const text = h('p', { id: 'idle-text' });
    const stay = h('button', { type: 'button', class: 'primary' }, 'Stay signed in');
    this.idleWarning.append(text, stay);
    new IdleTimer({
      timeoutMs: IDLE_SIGN_OUT_MS,
      warningMs: IDLE_WARNING_MS,
      onWarning: (left) => {
        text.textContent = `For patients' privacy you will be signed out in ${Math.ceil(left / 1000)} seconds, because nothing has happened for a while.`;
        if (this.idleWarning.hidden) {
          this.idleWarning.hidden = false;
          stay.focus();
        }
      },
      onActive: () => {
        this.idleWarning.hidden = true;
      },
      onTimeout: () => void this.session.signOut('idle'),
    }).start();
  }
}

void start();
