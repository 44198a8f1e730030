import { ALL_STAFF, AUDIT_READERS, COVERAGE_READERS, hasAnyRole, IDENTITY_REVIEWERS, PRACTICE_ADMINS, REPORT_READERS, type StaffRole } from '../auth/roles';

/**
 * The app's addresses: `/` is the inbox, `/conversations/{id}` an open conversation beside it, `/mentions` the notes
 * in which colleagues mentioned the person, `/identity-reviews` the senders waiting for someone to say who they are,
 * `/coverage` who is on call and who is away, `/dashboard` the supervisor's figures, `/setup` the practice admin's
 * setup, `/audit` the audit log (`/audit/conversations/{id}`: who read that conversation). Addresses carry ids only,
 * never search words or anything about a patient.
 */
export type Route =
  | { page: 'inbox' }
  | { page: 'conversation'; id: string }
  | { page: 'mentions' }
  | { page: 'identity-reviews' }
  | { page: 'coverage' }
  | { page: 'dashboard' }
  | { page: 'setup' }
  | { page: 'audit'; readersOf?: string };

export type Page = Route['page'];

export interface PageDefinition {
  /** The browser tab's title; never anything about a patient. */
  title: string;
  /** Who may open the page; the API checks again, this only keeps people away from screens that would refuse them. */
  roles: readonly StaffRole[];
  /** Shown in the top bar's navigation under this name, to those who may open it. */
  nav?: { label: string; path: string };
}

/** Role requirements live with the routes, so the navigation and the page agree on who may go where. */
export const PAGES: Record<Page, PageDefinition> = {
  inbox: { title: 'Inbox', roles: ALL_STAFF, nav: { label: 'Inbox', path: '/' } },
  conversation: { title: 'Conversation', roles: ALL_STAFF },
  mentions: { title: 'Mentions', roles: ALL_STAFF, nav: { label: 'Mentions', path: '/mentions' } },
  'identity-reviews': {
    title: 'Identity review',
    roles: IDENTITY_REVIEWERS,
    nav: { label: 'Identity review', path: '/identity-reviews' },
  },
  coverage: { title: 'Coverage', roles: COVERAGE_READERS, nav: { label: 'Coverage', path: '/coverage' } },
  dashboard: { title: 'Dashboard', roles: REPORT_READERS, nav: { label: 'Dashboard', path: '/dashboard' } },
  setup: { title: 'Practice setup', roles: PRACTICE_ADMINS, nav: { label: 'Setup', path: '/setup' } },
  audit: { title: 'Audit log', roles: AUDIT_READERS, nav: { label: 'Audit log', path: '/audit' } },
};

export function routeOf(path: string): Route {
  if (/^\/mentions\/?$/.test(path)) {
    return { page: 'mentions' };
  }
  if (/^\/identity-reviews\/?$/.test(path)) {
    return { page: 'identity-reviews' };
  }
  if (/^\/coverage\/?$/.test(path)) {
    return { page: 'coverage' };
  }
  if (/^\/dashboard\/?$/.test(path)) {
    return { page: 'dashboard' };
  }
  if (/^\/setup\/?$/.test(path)) {
    return { page: 'setup' };
  }
  const readers = /^\/audit(?:\/conversations\/([^/]+))?\/?$/.exec(path);
  if (readers) {
    return readers[1] ? { page: 'audit', readersOf: decodeURIComponent(readers[1]) } : { page: 'audit' };
  }
  const match = /^\/conversations\/([^/]+)\/?$/.exec(path);
  return match ? { page: 'conversation', id: decodeURIComponent(match[1]) } : { page: 'inbox' };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'conversation':
      return `/conversations/${encodeURIComponent(route.id)}`;
    case 'mentions':
      return '/mentions';
    case 'identity-reviews':
      return '/identity-reviews';
    case 'coverage':
      return '/coverage';
    case 'dashboard':
      return '/dashboard';
    case 'setup':
      return '/setup';
    case 'audit':
      return route.readersOf ? `/audit/conversations/${encodeURIComponent(route.readersOf)}` : '/audit';
    default:
      return '/';
  }
}

export function mayOpen(route: Route | Page, roles: readonly string[]): boolean {
  const page = typeof route === 'string' ? route : route.page;
  return hasAnyRole(roles, PAGES[page].roles);
}

/** The navigation entries this person may use, in order. */
export function navigationFor(roles: readonly string[]): { page: Page; label: string; path: string }[] {
  return (Object.entries(PAGES) as [Page, PageDefinition][])
    .filter(([page, definition]) => definition.nav && mayOpen(page, roles))
    .map(([page, definition]) => ({ page, ...definition.nav! }));
}

export class Router {
  private readonly listeners: ((route: Route) => void)[] = [];

  constructor() {
    window.addEventListener('popstate', () => this.notify());
  }

  get current(): Route {
    return routeOf(window.location.pathname);
  }

  onChange(listener: (route: Route) => void): void {
    this.listeners.push(listener);
  }

  go(route: Route): void {
    if (pathOf(route) !== window.location.pathname) {
      window.history.pushState(null, '', pathOf(route));
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) {
      listener(this.current);
    }
  }
}
