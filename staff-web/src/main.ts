import './styles.css';
import { ApiClient } from './api/client';
import { ConversationsApi, type ConversationSummary } from './api/conversations';
import { ApiProblem } from './api/problems';
import { Router, type Route } from './app/router';
import { IdleTimer } from './auth/idle';
import { Session } from './auth/session';
import { ConversationView } from './conversation/conversationView';
import { InboxView } from './inbox/inboxView';
import { ReadMarks } from './inbox/readMarks';
import { h } from './ui/dom';
import { locationName } from './ui/format';

/** Until live updates arrive with the workflow issue, the inbox asks for news this often. */
const REFRESH_MS = 3000;
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
  private readonly router = new Router();
  private readonly marks = new ReadMarks();
  private readonly inbox: InboxView;
  private readonly banner = h('p', { class: 'banner', role: 'alert', hidden: true });
  private readonly idleWarning = h('div', { class: 'idle-warning', role: 'alertdialog', 'aria-labelledby': 'idle-text', hidden: true });
  private readonly detailPane = h('div', { class: 'detail-pane' });
  private latest: ConversationSummary[] = [];
  private open?: ConversationView;

  constructor(private readonly session: Session) {
    this.conversations = new ConversationsApi(new ApiClient(() => session.token()));
    this.inbox = new InboxView(this.marks, (id) => this.router.go({ page: 'conversation', id }));
  }

  start(): void {
    const who = this.session.staffMember;
    const signOut = h('button', { type: 'button', class: 'quiet' }, 'Sign out');
    signOut.addEventListener('click', () => void this.session.signOut());
    root.replaceChildren(
      h('header', { class: 'topbar' },
        h('span', { class: 'brand' }, 'CareThread'),
        h('span', { class: 'who' }, who.name, h('span', { class: 'where' }, who.locations.map(locationName).join(', '))),
        signOut),
      this.idleWarning,
      this.banner,
      h('main', { id: 'main', class: 'layout', tabindex: '-1' }, this.inbox.element, this.detailPane),
    );
    this.router.onChange((route) => this.show(route));
    this.show(this.router.current);
    void this.refresh();
    this.watchIdleness();
  }

  private show(route: Route): void {
    this.open = undefined;
    if (route.page === 'inbox') {
      this.detailPane.replaceChildren(h('p', { class: 'empty-detail' }, 'Choose a conversation to read and answer it.'));
    } else {
      const view = new ConversationView(this.conversations, route.id, (e) => this.problem(e));
      this.open = view;
      this.detailPane.replaceChildren(view.element);
      void view.load().then(() => {
        const row = this.latest.find((c) => c.id === route.id);
        if (row) {
          this.marks.markSeen(row);
        }
        this.inbox.render(this.latest, route.id);
        view.element.focus();
      });
    }
    this.inbox.render(this.latest, this.open?.id ?? null);
  }

  /** Polls rather than streams for now; each round also moves the open conversation along. */
  private async refresh(): Promise<void> {
    try {
      this.latest = await this.conversations.list();
      const openRow = this.latest.find((c) => c.id === this.open?.id);
      await this.open?.refresh(openRow);
      if (openRow) {
        this.marks.markSeen(openRow);
      }
      this.inbox.render(this.latest, this.open?.id ?? null);
      this.banner.hidden = true;
    } catch (e) {
      this.problem(e);
    } finally {
      setTimeout(() => void this.refresh(), REFRESH_MS);
    }
  }

  private problem(e: unknown): void {
    if (e instanceof ApiProblem && e.status === 401) {
      void this.session.signOut();
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
