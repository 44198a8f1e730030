import type { ApiClient } from './client';

/** A directory patient in clear. PHI: shown when someone asks, never stored. */
export interface Patient {
  id: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  mrn: string | null;
  phones: string[];
  emails: string[];
  homeLocation: string;
  primaryProvider: string | null;
  careTeam: string | null;
  preferredLanguage: string | null;
  version: number;
}

const PATIENT_NOT_FOUND = "This patient's record is not available to you. They may belong to another location.";

/** routing-service's patient directory, through the staff gateway (`/api/routing/patients`). */
export class PatientsApi {
  constructor(private readonly api: ApiClient) {}

  /** **Audited** (`patient.read`): call it only when the person asks to see the patient. */
  get(id: string): Promise<Patient> {
    return this.api.request(`/api/routing/patients/${encodeURIComponent(id)}`, { notFound: PATIENT_NOT_FOUND });
  }
}
