// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import { type Mention, MentionsApi } from '../api/mentions';
import { h } from '../ui/dom';
import { MentionCount } from './mentionCount';
import { MentionsView } from './mentionsView';

/** conversation-service's two mention calls over a fake fetch, keeping what was marked seen. */
class MentionServer {
  readonly asked: string[] = [];
  failWith?: number;
  constructor(public mentions: Mention[]) {}

  client(): ApiClient {
    const send = (async (url: string, init: RequestInit) => {
      this.asked.push(`${init.method} ${url}`);
      if (this.failWith) {
        return json(this.failWith, { status: this.failWith }, 'application/problem+json');
      }
      const seen = /^\/api\/mentions\/([^/]+)\/seen$/.exec(url);
      if (seen && init.method === 'POST') {
        const mention = this.mentions.find((m) => m.id === decodeURIComponent(seen[1]))!;
        mention.seenAt ??= '2026-12-03T10:30:00Z';
        return json(200, mention);
      }
      const unseenOnly = url.endsWith('unseen=true');
      return json(200, this.mentions.filter((m) => !unseenOnly || !m.seenAt));
    }) as unknown as typeof fetch;
    return new ApiClient(async () => 'token-1', '', send);
  }
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function mentions(): Mention[] {
  return [
    { id: 'm2', conversationId: 'c2', noteId: 'n2', locationCode: 'south', mentionedBy: 'provider', at: '2026-12-03T10:05:00Z', seenAt: null },
    { id: 'm1', conversationId: 'c1', noteId: 'n1', locationCode: 'north', mentionedBy: 'frontdesk.north', at: '2026-12-03T10:00:00Z', seenAt: null },
    { id: 'm0', conversationId: 'c1', noteId: 'n0', locationCode: 'north', mentionedBy: 'supervisor', at: '2026-12-02T09:00:00Z', seenAt: '2026-12-02T09:30:00Z' },
  ];
}

describe('the Mentions screen', () => {
  let server: MentionServer;
  let opened: string[];
  let seenCalls: number;
  let problems: unknown[];
  let view: MentionsView;

  beforeEach(() => {
    server = new MentionServer(mentions());
    opened = [];
    seenCalls = 0;
    problems = [];
    view = new MentionsView(new MentionsApi(server.client()), {
      me: 'nurse',
      open: (id) => opened.push(id),
      onSeen: () => { seenCalls++; },
      onProblem: (e) => { problems.push(e); return false; },
    });
    document.body.append(h('main', {}, view.element));
  });

  afterEach(() => {
    document.body.replaceChildren();
  });

  const links = () => [...view.element.querySelectorAll<HTMLAnchorElement>('.mention-link')];
  const summary = () => view.element.querySelector('.mentions-summary')!.textContent;

  it('lists the unseen mentions newest first: who, when, and a link to the conversation', async () => {
    expect(summary()).toBe('Loading mentions…');
    await view.load();

    expect(server.asked).toEqual(['GET /api/mentions?unseen=true']);
    expect(summary()).toBe('2 unseen mentions, newest first.');
    expect(links().map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['/conversations/c2', 'provider mentioned you in a conversation at South Clinic'],
      ['/conversations/c1', 'frontdesk.north mentioned you in a conversation at North Clinic'],
    ]);
    const details = view.element.querySelector(`#${links()[1].getAttribute('aria-describedby')}`)!;
    expect(details.querySelector('time')!.getAttribute('datetime')).toBe('2026-12-03T10:00:00Z');
    expect(details.textContent).toMatch(/ · Not seen yet$/);
    expect(view.element.querySelectorAll('.mention-item.unseen')).toHaveLength(2);
  });

  it('says in words that nobody mentioned the person', async () => {
    server.mentions = [];
    await view.load();
    expect(summary()).toBe(
      'Nobody has mentioned you since you last looked. When a colleague writes @nurse in a note, it shows here.');
    expect(links()).toEqual([]);
  });

  it('shows the seen ones too when asked, with when they were seen', async () => {
    await view.load();
    const toggle = view.element.querySelector<HTMLInputElement>('#mentions-seen-too')!;
    expect(view.element.querySelector('label[for="mentions-seen-too"]')!.textContent).toBe('Show seen ones too');
    toggle.click();
    await vi.waitFor(() => expect(links()).toHaveLength(3));

    expect(server.asked.at(-1)).toBe('GET /api/mentions?unseen=false');
    expect(summary()).toBe('3 mentions, newest first, 2 not seen yet.');
    const last = view.element.querySelectorAll('.mention-item')[2];
    expect(last.classList.contains('unseen')).toBe(false);
    expect(last.querySelector('.mention-details')!.textContent).toMatch(/ · Seen /);
  });

  it('opens the conversation and marks the mention seen, so the count in the top bar drops', async () => {
    const api = new MentionsApi(server.client());
    const count = new MentionCount(() => api.mine(true), (id) => api.seen(id), () => false);
    await count.refresh();
    expect(count.element.textContent).toBe(' 2 unseen');
    await view.load();

    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    links()[1].dispatchEvent(click);

    expect(click.defaultPrevented).toBe(true);
    expect(opened).toEqual(['c1']);
    await vi.waitFor(() => expect(seenCalls).toBe(1));
    expect(server.asked).toContain('POST /api/mentions/m1/seen');
    expect(links().map((a) => a.dataset.mentionId)).toEqual(['m2']);
    await count.refresh();
    expect(count.element.textContent).toBe(' 1 unseen');
  });

  it('leaves a Ctrl-click to the browser (a new tab) but still marks it seen; a seen one is not marked again', async () => {
    view.element.querySelector<HTMLInputElement>('#mentions-seen-too')!.checked = true;
    await view.load();
    let leftToBrowser = false;
    // Runs after the link's own listener; stops happy-dom from following the link.
    document.addEventListener('click', (event) => { leftToBrowser = !event.defaultPrevented; event.preventDefault(); }, { once: true });
    links()[1].dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true }));

    expect(leftToBrowser).toBe(true);
    expect(opened).toEqual([]);
    await vi.waitFor(() => expect(view.element.querySelectorAll('.mention-item.unseen')).toHaveLength(1));
    expect(view.element.querySelectorAll('.mention-item')[1].querySelector('.mention-details')!.textContent).toMatch(/ · Seen /);

    links()[2].dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(opened).toEqual(['c1']);
    expect(server.asked.filter((call) => call.startsWith('POST'))).toEqual(['POST /api/mentions/m1/seen']);
  });

  it('keeps the keyboard on the same mention when the list is read again', async () => {
    await view.load();
    links()[1].focus();
    server.mentions.unshift({ ...mentions()[0], id: 'm3', conversationId: 'c3' });
    await view.load();
    expect(links()).toHaveLength(3);
    expect(document.activeElement).toBe(links()[2]);
    expect((document.activeElement as HTMLElement).dataset.mentionId).toBe('m1');
  });

  it('says in words when the list cannot be read, and leaves an expired sign-in to the app', async () => {
    server.failWith = 503;
    await view.load();
    expect(view.element.querySelector('[role="alert"]')!.textContent).toBe(
      'CareThread had a problem on its side. Your work is not lost; please try again in a moment.');
    expect(summary()).toBe('Loading mentions…');

    const signedOut = new MentionsView(new MentionsApi(server.client()), {
      me: 'nurse', open: () => undefined, onSeen: () => undefined, onProblem: () => true,
    });
    server.failWith = 401;
    await signedOut.load();
    expect(signedOut.element.querySelector('[role="alert"]')!.textContent).toBe('');
  });

  it('has a heading, a labelled toggle and no axe violations', async () => {
    await view.load();
    expect(view.element.querySelector('h1')!.textContent).toBe('Mentions');
    expect(view.element.getAttribute('aria-labelledby')).toBe('mentions-heading');
    const axe = (await import('axe-core')).default;
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('the unseen count', () => {
  it('is hidden at none, reads "N unseen", and an older answer arriving late is dropped', async () => {
    const answers: ((list: Mention[]) => void)[] = [];
    const count = new MentionCount(() => new Promise((resolve) => answers.push(resolve)), async () => undefined, () => false);
    expect(count.element.hidden).toBe(true);

    const first = count.refresh();
    const second = count.refresh();
    answers[1](mentions().slice(0, 2));
    await second;
    answers[0]([]);
    await first;
    expect(count.element.hidden).toBe(false);
    expect(count.element.textContent).toBe(' 2 unseen');
    expect(count.element.querySelector('.visually-hidden')!.textContent).toBe(' unseen');

    answers.length = 0;
    const none = count.refresh();
    answers[0]([]);
    await none;
    expect(count.element.hidden).toBe(true);
  });

  it('counts the mentions in the conversation on screen as seen, and marks them seen', async () => {
    const server = new MentionServer(mentions());
    const api = new MentionsApi(server.client());
    const count = new MentionCount(() => api.mine(true), (id) => api.seen(id), () => false);
    await count.refresh();
    expect(count.element.textContent).toBe(' 2 unseen');

    count.reads('c1');
    await vi.waitFor(() => expect(count.element.textContent).toBe(' 1 unseen'));
    expect(server.asked.filter((call) => call.startsWith('POST'))).toEqual(['POST /api/mentions/m1/seen']);

    // A colleague mentions the person again in the open conversation: it is seen as it comes.
    server.mentions.unshift({ ...mentions()[1], id: 'm4', at: '2026-12-03T11:00:00Z' });
    await count.refresh();
    expect(count.element.textContent).toBe(' 1 unseen');
    expect(server.asked.filter((call) => call.startsWith('POST')).at(-1)).toBe('POST /api/mentions/m4/seen');

    // Back in the inbox, a new mention there counts again.
    count.reads(null);
    server.mentions.unshift({ ...mentions()[1], id: 'm5', at: '2026-12-03T11:05:00Z' });
    await count.refresh();
    expect(count.element.textContent).toBe(' 2 unseen');
  });
});
