import type { ApiClient } from './client';

/** Someone on call for a location's emergencies (routing-service); times are instants. */
export interface OnCallShift {
  id: string;
  locationCode: string;
  staffUser: string;
  startsAt: string;
  endsAt: string;
}

/** A staff member away, and the colleague messages meant for them go to meanwhile. */
export interface Absence {
  staffUser: string;
  awayFrom: string;
  awayUntil: string;
  coveredBy: string;
}

export interface OnCallRequest {
  staffUser: string;
  startsAt: string;
  endsAt: string;
}

export interface AbsenceRequest {
  awayFrom: string;
  awayUntil: string;
  coveredBy: string;
}

/** routing-service's on-call shifts and out-of-office: usernames and times, nothing about a patient. */
export class CoverageApi {
  constructor(private readonly api: ApiClient) {}

  /** A location's shifts that have not ended, soonest first. */
  onCall(location: string): Promise<OnCallShift[]> {
    return this.api.request(`/api/routing/locations/${encodeURIComponent(location)}/on-call`, {
      notFound: 'This location is not one of yours.',
    });
  }

  addOnCall(location: string, shift: OnCallRequest): Promise<OnCallShift> {
    return this.api.request(`/api/routing/locations/${encodeURIComponent(location)}/on-call`, {
      method: 'POST',
      body: shift,
      notFound: 'This location is not one of yours.',
    });
  }

  /** Takes a shift off the rota; one under way ends at once. */
  removeOnCall(location: string, shiftId: string): Promise<void> {
    return this.api.request(
      `/api/routing/locations/${encodeURIComponent(location)}/on-call/${encodeURIComponent(shiftId)}`,
      { method: 'DELETE', notFound: 'That shift is no longer on the rota.' },
    );
  }

  /** Everyone away now or later, with who covers. */
  absences(): Promise<Absence[]> {
    return this.api.request('/api/routing/absences');
  }

  setAbsence(username: string, absence: AbsenceRequest): Promise<Absence> {
    return this.api.request(`/api/routing/absences/${encodeURIComponent(username)}`, { method: 'PUT', body: absence });
  }

  endAbsence(username: string): Promise<void> {
    return this.api.request(`/api/routing/absences/${encodeURIComponent(username)}`, {
      method: 'DELETE',
      notFound: 'They are not away any more.',
    });
  }
}
