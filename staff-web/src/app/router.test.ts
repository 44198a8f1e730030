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
    expect(routeOf('/audit')).toEqual({ page: 'audit' });
    expect(routeOf('/audit/conversations/c%2F1')).toEqual({ page: 'audit', readersOf: 'c/1' });
    expect(pathOf({ page: 'audit', readersOf: 'c/1' })).toBe('/audit/conversations/c%2F1');
  });

  it('offers the dashboard to supervisors and practice admins, and setup to practice admins only', () => {
    expect(routeOf('/dashboard')).toEqual({ page: 'dashboard' });
    expect(routeOf('/setup')).toEqual({ page: 'setup' });
    expect(navigationFor(['supervisor']).map((n) => n.label)).toEqual(['Inbox', 'Mentions', 'Identity review', 'Coverage', 'Dashboard', 'Audit log']);
    expect(navigationFor(['practice-admin']).map((n) => n.label)).toEqual(['Inbox', 'Mentions', 'Identity review', 'Coverage', 'Dashboard', 'Setup']);
    expect(navigationFor(['compliance-officer']).map((n) => n.label)).toEqual(['Inbox', 'Mentions', 'Audit log']);
    for (const role of ['front-desk', 'scheduling', 'billing', 'nurse', 'provider', 'compliance-officer']) {
      expect(mayOpen('dashboard', [role])).toBe(false);
      expect(mayOpen('setup', [role])).toBe(false);
    }
    expect(mayOpen('setup', ['supervisor'])).toBe(false);
  });

  it('offers coverage to every role routing-service lets read on-call and out-of-office: all but compliance officers', () => {
    expect(routeOf('/coverage')).toEqual({ page: 'coverage' });
    expect(pathOf({ page: 'coverage' })).toBe('/coverage');
    for (const role of ['front-desk', 'scheduling', 'billing', 'nurse', 'provider', 'supervisor', 'practice-admin']) {
      expect(navigationFor([role]).map((n) => n.label)).toContain('Coverage');
    }
    expect(mayOpen('coverage', ['compliance-officer'])).toBe(false);
  });

  it('offers the audit log to compliance officers and supervisors only', () => {
    for (const role of ['compliance-officer', 'supervisor']) {
      expect(navigationFor([role]).map((n) => n.label)).toContain('Audit log');
      expect(mayOpen({ page: 'audit', readersOf: 'c1' }, [role])).toBe(true);
    }
    for (const role of ['front-desk', 'scheduling', 'billing', 'nurse', 'provider', 'practice-admin']) {
      expect(mayOpen('audit', [role])).toBe(false);
    }
  });

  it('offers identity review to the roles routing-service lets confirm, and to nobody else', () => {
    for (const role of ['front-desk', 'scheduling', 'nurse', 'supervisor', 'practice-admin']) {
      expect(navigationFor([role]).map((n) => n.label).slice(0, 3)).toEqual(['Inbox', 'Mentions', 'Identity review']);
      expect(mayOpen({ page: 'identity-reviews' }, [role])).toBe(true);
    }
    for (const role of ['billing', 'provider', 'compliance-officer']) {
      expect(navigationFor([role]).map((n) => n.label)).not.toContain('Identity review');
      expect(mayOpen('identity-reviews', [role])).toBe(false);
    }
    expect(mayOpen({ page: 'inbox' }, [])).toBe(false);
  });

  it('offers Mentions, right after the inbox, to every staff role', () => {
    expect(routeOf('/mentions')).toEqual({ page: 'mentions' });
    expect(routeOf('/mentions/')).toEqual({ page: 'mentions' });
    expect(pathOf({ page: 'mentions' })).toBe('/mentions');
    for (const role of ['front-desk', 'scheduling', 'billing', 'nurse', 'provider', 'supervisor', 'practice-admin', 'compliance-officer']) {
      expect(navigationFor([role]).slice(0, 2)).toEqual([
        { page: 'inbox', label: 'Inbox', path: '/' },
        { page: 'mentions', label: 'Mentions', path: '/mentions' },
      ]);
      expect(mayOpen({ page: 'mentions' }, [role])).toBe(true);
    }
    expect(mayOpen('mentions', [])).toBe(false);
  });
});
