// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client';
import { AuditApi } from '../api/audit';
import { h } from '../ui/dom';
import { AuditView } from './auditView';

/** audit-service's search, answering each ask only when the test lets it go. */
class SlowAuditServer {
  readonly held: (() => void)[] = [];

  client(): ApiClient {
    const send = (async (url: string) => {
      await new Promise<void>((release) => this.held.push(release));
      const entries = [{ seq: 1, eventId: 'e1', type: 'x', action: 'conversation.read', conversationId: 'c1', actorUserId: 'u1',
        actorName: 'frontdesk.north', locationCode: 'north', clientAddress: null, breakGlass: false, purpose: null,
        occurredAt: '2026-12-03T10:00:00Z' }];
      return new Response(JSON.stringify(url.startsWith('/api/audit/events') ? { entries, total: 1 } : {}),
        { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    return new ApiClient(async () => 'token-1', '', send);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the audit search', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('drops the answer to a search superseded by a newer one, so it never clears what the newer one said', async () => {
    const server = new SlowAuditServer();
    const view = new AuditView(new AuditApi(server.client()), { mayKeep: false, showReaders: () => {}, onProblem: () => false });
    document.body.append(h('main', {}, view.element));
    const form = view.element.querySelector('form')!;
    const problem = view.element.querySelector('.audit-problem')!;
    const results = view.element.querySelector<HTMLElement>('.audit-results')!;

    view.element.querySelector<HTMLInputElement>('#audit-conversation')!.value = 'c1';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(server.held).toHaveLength(1);

    view.element.querySelector<HTMLInputElement>('#audit-from')!.value = '2026-12-02T10:00';
    view.element.querySelector<HTMLInputElement>('#audit-to')!.value = '2026-12-01T10:00';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(problem.textContent).toBe('"From" must be before "To".');

    server.held[0]();
    await settle();
    expect(problem.textContent).toBe('"From" must be before "To".');
    expect(results.hidden).toBe(true);
  });
});
