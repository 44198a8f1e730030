/** The realm roles a staff token carries (`realm_access.roles`), as the services check them. */
export type StaffRole =
  | 'front-desk'
  | 'scheduling'
  | 'billing'
  | 'nurse'
  | 'provider'
  | 'supervisor'
  | 'practice-admin'
  | 'compliance-officer';

/** Every staff role: what the conversation API asks for. */
export const ALL_STAFF: readonly StaffRole[] = [
  'front-desk', 'scheduling', 'billing', 'nurse', 'provider', 'supervisor', 'practice-admin', 'compliance-officer',
];

/** Who may work identity reviews and patient links (routing-service's `IdentityReviewResource`). */
export const IDENTITY_REVIEWERS: readonly StaffRole[] = ['front-desk', 'scheduling', 'nurse', 'supervisor', 'practice-admin'];

/** Who may read a directory patient (`GET /api/routing/patients/{id}`): every staff role but compliance-officer. */
export const PATIENT_READERS: readonly StaffRole[] = ALL_STAFF.filter((role) => role !== 'compliance-officer');

/** Who may search the audit log and see who read a conversation (audit-service's `/api/audit/events`, `readers`). */
export const AUDIT_READERS: readonly StaffRole[] = ['compliance-officer', 'supervisor'];

/** Who may verify the audit log's chain and export it: compliance officers only. */
export const AUDIT_KEEPERS: readonly StaffRole[] = ['compliance-officer'];

/** Who may read the dashboard's figures (conversation-service's `/api/reports/dashboard`). */
export const REPORT_READERS: readonly StaffRole[] = ['supervisor', 'practice-admin'];

/** Who sees on-call and out-of-office and sets their own (routing-service's hours and coverage): all but compliance. */
export const COVERAGE_READERS: readonly StaffRole[] = ALL_STAFF.filter((role) => role !== 'compliance-officer');

/** Who puts people on call and sets anyone's out-of-office. */
export const COVERAGE_ARRANGERS: readonly StaffRole[] = ['supervisor', 'practice-admin'];

/** Who sets the practice up: queues, targets, outcomes, templates, routing rules and hours. */
export const PRACTICE_ADMINS: readonly StaffRole[] = ['practice-admin'];

export function hasAnyRole(held: readonly string[], needed: readonly string[]): boolean {
  return needed.some((role) => held.includes(role));
}

/** The realm roles of a parsed access token; none when the claim is missing or malformed. */
export function rolesOf(claims: Record<string, unknown>): string[] {
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined;
  return Array.isArray(realmAccess?.roles) ? realmAccess.roles.map(String) : [];
}
