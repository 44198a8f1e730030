import { describe, expect, it } from 'vitest';
import { hasAnyRole, PATIENT_READERS, rolesOf } from './roles';

describe('roles', () => {
  it('reads the realm roles of a token, and none from a token without them', () => {
    expect(rolesOf({ realm_access: { roles: ['front-desk', 'offline_access'] } })).toEqual(['front-desk', 'offline_access']);
    expect(rolesOf({})).toEqual([]);
    expect(rolesOf({ realm_access: { roles: 'front-desk' } })).toEqual([]);
  });

  it('lets every staff role but compliance read a directory patient', () => {
    expect(hasAnyRole(['compliance-officer'], PATIENT_READERS)).toBe(false);
    expect(hasAnyRole(['billing'], PATIENT_READERS)).toBe(true);
  });
});
