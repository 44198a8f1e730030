import { describe, expect, it } from 'vitest';
import { mayOpen, navigationFor, pathOf, routeOf } from './router';

describe('routes', () => {
  it('reads and writes the app\'s addresses', () => {
    expect(routeOf('/')).toEqual({ page: 'inbox' });
    expect(routeOf('/conversations/a%20b')).toEqual({ page: 'conversation', id: 'a b' });
    expect(routeOf('/identity-reviews')).toEqual({ page: 'identity-reviews' });
    expect(routeOf('/identity-reviews/')).toEqual({ page: 'identity-reviews' });
    expect(routeOf('/nowhere')).toEqual({ page: 'inbox' });
    expect(pathOf({ page: 'identity-reviews' })).toBe('/identity-reviews');
    expect(pathOf({ page: 'conversation', id: 'a b' })).toBe('/conversations/a%20b');
  });

  it('offers identity review to the roles routing-service lets confirm, and to nobody else', () => {
    for (const role of ['front-desk', 'scheduling', 'nurse', 'supervisor', 'practice-admin']) {
      expect(navigationFor([role]).map((n) => n.label)).toEqual(['Inbox', 'Identity review']);
      expect(mayOpen({ page: 'identity-reviews' }, [role])).toBe(true);
    }
    for (const role of ['billing', 'provider', 'compliance-officer']) {
      expect(navigationFor([role]).map((n) => n.label)).toEqual(['Inbox']);
      expect(mayOpen('identity-reviews', [role])).toBe(false);
    }
    expect(mayOpen({ page: 'inbox' }, [])).toBe(false);
  });
});
