/** The app's addresses: `/` is the inbox, `/conversations/{id}` an open conversation beside it. */
export type Route = { page: 'inbox' } | { page: 'conversation'; id: string };

export function routeOf(path: string): Route {
  const match = /^\/conversations\/([^/]+)\/?$/.exec(path);
  return match ? { page: 'conversation', id: decodeURIComponent(match[1]) } : { page: 'inbox' };
}

export function pathOf(route: Route): string {
  return route.page === 'conversation' ? `/conversations/${encodeURIComponent(route.id)}` : '/';
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
