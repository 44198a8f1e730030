import { ALL_STAFF, hasAnyRole, IDENTITY_REVIEWERS, type StaffRole } from '../auth/roles';

/**
 * The app's addresses: `/` is the inbox, `/conversations/{id}` an open conversation beside it, `/identity-reviews`
 * the senders waiting for someone to say who they are.
 */
export type Route = { page: 'inbox' } | { page: 'conversation'; id: string } | { page: 'identity-reviews' };

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
  'identity-reviews': {
    title: 'Identity review',
    roles: IDENTITY_REVIEWERS,
    nav: { label: 'Identity review', path: '/identity-reviews' },
  },
};

export function routeOf(path: string): Route {
  if (/^\/identity-reviews\/?$/.test(path)) {
    return { page: 'identity-reviews' };
  }
  const match = /^\/conversations\/([^/]+)\/?$/.exec(path);
  return match ? { page: 'conversation', id: decodeURIComponent(match[1]) } : { page: 'inbox' };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'conversation':
      return `/conversations/${encodeURIComponent(route.id)}`;
    case 'identity-reviews':
      return '/identity-reviews';
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
