// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client';
import { type Absence, CoverageApi, type OnCallShift } from '../api/coverage';
import { h } from '../ui/dom';
import { CoverageView } from './coverageView';

/** routing-service's on-call and out-of-office calls over a fake fetch, keeping what was asked and set. */
class CoverageServer {
  readonly asked: string[] = [];
  shifts: OnCallShift[] = [];
  absences: Absence[] = [];

  client(): ApiClient {
    const send = (async (url: string, init: RequestInit) => {
      this.asked.push(`${init.method} ${url}`);
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      const onCall = /^\/api\/routing\/locations\/([^/]+)\/on-call$/.exec(url);
      if (onCall && init.method === 'POST') {
        const shift = { id: `s${this.shifts.length + 1}`, locationCode: onCall[1], ...body };
        this.shifts.push(shift);
        return json(201, shift);
      }
      if (onCall) {
        return json(200, this.shifts.filter((s) => s.locationCode === onCall[1]));
      }
      const shift = /^\/api\/routing\/locations\/([^/]+)\/on-call\/([^/]+)$/.exec(url);
      if (shift && init.method === 'DELETE') {
        this.shifts = this.shifts.filter((s) => !(s.locationCode === shift[1] && s.id === shift[2]));
        return new Response(null, { status: 204 });
      }
      const absence = /^\/api\/routing\/absences\/([^/]+)$/.exec(url);
      if (absence && init.method === 'PUT') {
        if (body.coveredBy === 'nobody') {
          return json(422, { title: 'Invalid fields', status: 422, detail: 'coveredBy: not a colleague' }, 'application/problem+json');
        }
        const set = { staffUser: absence[1], ...body };
        this.absences = [...this.absences.filter((a) => a.staffUser !== absence[1]), set];
        return json(200, set);
      }
      if (absence && init.method === 'DELETE') {
        this.absences = this.absences.filter((a) => a.staffUser !== absence[1]);
        return new Response(null, { status: 204 });
      }
      return json(200, this.absences);
    }) as unknown as typeof fetch;
    return new ApiClient(async () => 'token-1', '', send);
  }
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function fill(view: CoverageView, id: string, value: string): void {
  const input = view.element.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
}

async function submit(form: HTMLFormElement): Promise<void> {
  form.dispatchEvent(new Event('submit', { cancelable: true }));
  await new Promise((resolve) => setTimeout(resolve, 20));
}

function show(server: CoverageServer, me: string, mayArrange: boolean): CoverageView {
  const view = new CoverageView(new CoverageApi(server.client()), {
    me, locations: ['north', 'south'], mayArrange, onProblem: () => false,
  });
  document.body.append(h('main', {}, view.element));
  return view;
}

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000);
/** A `datetime-local` value for that moment, as the person's browser shows it. */
const local = (at: Date) => new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

describe('the Coverage screen', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('shows who is on call now at each location and lets a supervisor put someone on call', async () => {
    const server = new CoverageServer();
    server.shifts = [{ id: 's0', locationCode: 'north', staffUser: 'nurse', startsAt: inHours(-1).toISOString(), endsAt: inHours(8).toISOString() }];
    const view = show(server, 'supervisor', true);
    await view.load();

    const north = view.element.querySelector('[data-location="north"]')!;
    const south = view.element.querySelector('[data-location="south"]')!;
    expect(north.querySelector('.on-call-now')!.textContent).toBe('On call now: nurse.');
    expect(south.querySelector('.on-call-now')!.textContent).toContain('Nobody is on call now');

    fill(view, 'on-call-south-who', 'provider');
    fill(view, 'on-call-south-from', local(inHours(3)));
    fill(view, 'on-call-south-until', local(inHours(15)));
    await submit(south.querySelector('form')!);

    expect(server.asked).toContain('POST /api/routing/locations/south/on-call');
    expect(server.shifts.at(-1)).toMatchObject({ locationCode: 'south', staffUser: 'provider' });
    const southAgain = view.element.querySelector('[data-location="south"]')!;
    expect(southAgain.querySelector('.coverage-list')!.textContent).toMatch(/^provider, .* until /);
    expect(southAgain.querySelector('.admin-done')!.textContent).toBe('provider is on call then: emergencies written in that time alert them.');
  });

  it('lets a supervisor take a shift off the rota, and nobody else', async () => {
    const server = new CoverageServer();
    server.shifts = [{ id: 's0', locationCode: 'north', staffUser: 'nurse', startsAt: inHours(-1).toISOString(), endsAt: inHours(8).toISOString() }];
    const nurse = show(server, 'nurse', false);
    await nurse.load();
    expect(nurse.element.querySelector('[data-shift-id="s0"] button')).toBeNull();
    document.body.replaceChildren();

    const view = show(server, 'supervisor', true);
    await view.load();
    const remove = view.element.querySelector<HTMLButtonElement>('[data-shift-id="s0"] button')!;
    expect(remove.textContent).toBe("Take nurse's shift off the rota");
    remove.click();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(server.asked).toContain('DELETE /api/routing/locations/north/on-call/s0');
    const north = view.element.querySelector('[data-location="north"]')!;
    expect(north.querySelector('[data-shift-id]')).toBeNull();
    expect(north.querySelector('.on-call-now')!.textContent).toContain('Nobody is on call now');
    expect(north.querySelector('.admin-done')!.textContent).toBe(
      "nurse's shift is off the rota: emergencies then alert whoever else is on call, or the whole clinical queue.");
  });

  it('refuses a backwards shift in words and asks nothing', async () => {
    const server = new CoverageServer();
    const view = show(server, 'supervisor', true);
    await view.load();
    const asked = server.asked.length;
    fill(view, 'on-call-north-who', 'nurse');
    fill(view, 'on-call-north-from', local(inHours(10)));
    fill(view, 'on-call-north-until', local(inHours(2)));
    const north = view.element.querySelector('[data-location="north"]')!;
    await submit(north.querySelector('form')!);
    expect(north.querySelector('.admin-error')!.textContent).toBe('The start must be before the end.');
    expect(server.asked.length).toBe(asked);
  });

  it('lets staff set and end their own out-of-office only, while on-call is only shown to them', async () => {
    const server = new CoverageServer();
    server.absences = [{ staffUser: 'provider', coveredBy: 'nurse', awayFrom: inHours(-2).toISOString(), awayUntil: inHours(30).toISOString() }];
    const view = show(server, 'nurse', false);
    await view.load();

    expect(view.element.querySelectorAll('.coverage-location form')).toHaveLength(0);
    expect(view.element.querySelector('[data-staff-user="provider"]')!.textContent).toMatch(/^provider is away until .*; nurse covers\.$/);
    expect(view.element.querySelector('[data-staff-user="provider"] button')).toBeNull();
    const who = view.element.querySelector<HTMLInputElement>('#away-who')!;
    expect(who.value).toBe('nurse');
    expect(who.readOnly).toBe(true);

    fill(view, 'away-covered-by', 'frontdesk.north');
    fill(view, 'away-from', local(inHours(24)));
    fill(view, 'away-until', local(inHours(72)));
    await submit(view.element.querySelector<HTMLFormElement>('.coverage-away form')!);
    expect(server.asked).toContain('PUT /api/routing/absences/nurse');
    expect(view.element.querySelector('.coverage-away .admin-done')!.textContent)
      .toBe('Set: while nurse is away, messages meant for them go to frontdesk.north.');
    const mine = view.element.querySelector('[data-staff-user="nurse"]')!;
    expect(mine.textContent).toContain('nurse will be away from');

    mine.querySelector('button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.asked).toContain('DELETE /api/routing/absences/nurse');
    expect(view.element.querySelector('[data-staff-user="nurse"]')).toBeNull();
    expect(view.element.querySelector('.coverage-away .admin-done')!.textContent).toBe('nurse is back: messages meant for them go to them again.');
  });

  it("says the service's refusal where the form is", async () => {
    const server = new CoverageServer();
    const view = show(server, 'supervisor', true);
    await view.load();
    fill(view, 'away-who', 'provider');
    fill(view, 'away-covered-by', 'nobody');
    fill(view, 'away-from', local(inHours(1)));
    fill(view, 'away-until', local(inHours(5)));
    await submit(view.element.querySelector<HTMLFormElement>('.coverage-away form')!);
    expect(view.element.querySelector('.coverage-away .admin-error')!.textContent).toContain('not a colleague');
    expect(server.absences).toEqual([]);
  });

  it('has headings, labelled fields and no axe violations', async () => {
    const server = new CoverageServer();
    server.absences = [{ staffUser: 'provider', coveredBy: 'nurse', awayFrom: inHours(-2).toISOString(), awayUntil: inHours(30).toISOString() }];
    const view = show(server, 'supervisor', true);
    await view.load();
    const axe = (await import('axe-core')).default;
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
