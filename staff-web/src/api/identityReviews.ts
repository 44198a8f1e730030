import type { ApiClient } from './client';

/** A patient an identity review offers, with what staff need to tell them apart. PHI: shown, never stored. */
export interface ReviewCandidate {
  patientId: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** A location code. */
  homeLocation: string;
  /** A staff username, or null. */
  primaryProvider: string | null;
}

/** A message from an address several patients share, waiting for someone at the location to say who wrote. */
export interface IdentityReview {
  id: string;
  /** The sender's blind index: opaque, not for people. */
  patientRef: string;
  locationCode: string;
  openedAt: string;
  candidates: ReviewCandidate[];
}

/** A sender linked to a directory patient at a location. No PHI. */
export interface PatientLink {
  id: string;
  patientRef: string;
  locationCode: string;
  patientId: string;
  linkedBy: string;
  linkedAt: string;
}

const REVIEW_NOT_FOUND = 'This review is no longer open at your locations. Look at the list again.';

/** routing-service's identity reviews, through the staff gateway (`/api/routing/identity-reviews`). */
export class IdentityReviewsApi {
  constructor(private readonly api: ApiClient) {}

  /** The open reviews at the caller's locations, longest waiting first. **Audited** (one record per candidate shown). */
  open(): Promise<IdentityReview[]> {
    return this.api.request('/api/routing/identity-reviews');
  }

  /** Links the sender to the patient and resolves the review; 409 when a colleague already did, 422 if not a candidate. */
  confirm(reviewId: string, patientId: string): Promise<PatientLink> {
    return this.api.request(`/api/routing/identity-reviews/${encodeURIComponent(reviewId)}/confirm`, {
      method: 'POST',
      body: { patientId },
      notFound: REVIEW_NOT_FOUND,
    });
  }
}
