import Keycloak from 'keycloak-js';
import { rolesOf } from './roles';

/** Keycloak as the staff gateway's realm knows this app: public client, authorization code flow with PKCE (S256). */
const KEYCLOAK = { url: 'http://localhost:8180', realm: 'carethread', clientId: 'staff-web' };
/** Refresh when the access token (5 minutes in the realm) has less than this left. */
const REFRESH_WHEN_SECONDS_LEFT = 60;

export interface StaffMember {
  username: string;
  name: string;
  locations: string[];
  /** Realm roles (`realm_access.roles`); the screens use them only to offer what the API would allow. */
  roles: string[];
}

/**
 * The signed-in person. Tokens live only in this object's memory: never in localStorage, sessionStorage or cookies
 * of this origin, so closing the tab ends the session here (Keycloak's own session still ends at its idle timeout).
 */
export class Session {
  private constructor(private readonly keycloak: Keycloak) {}

  /** Sends the person to the Keycloak sign-in page if needed; resolves once they are back and signed in. */
  static async signIn(): Promise<Session> {
    const keycloak = new Keycloak(KEYCLOAK);
    await keycloak.init({
      onLoad: 'login-required',
      pkceMethod: 'S256',
      // The iframe check needs third-party cookies and polls; token refresh tells us soon enough.
      checkLoginIframe: false,
      // The code comes back in the query, not the fragment, and is removed from the address at once.
      responseMode: 'query',
    });
    const session = new Session(keycloak);
    keycloak.onTokenExpired = () => void session.token().catch(() => session.signOut());
    // Keeps the token fresh while the page is open, so a call never waits on a refresh it could have had earlier.
    setInterval(() => void session.token().catch(() => undefined), 30_000);
    return session;
  }

  get staffMember(): StaffMember {
    const claims = (this.keycloak.tokenParsed ?? {}) as Record<string, unknown>;
    const username = String(claims.preferred_username ?? 'staff');
    return {
      username,
      name: String(claims.name ?? username),
      locations: Array.isArray(claims.locations) ? claims.locations.map(String) : [],
      roles: rolesOf(claims),
    };
  }

  /** A valid access token, refreshed first if it is about to expire. */
  async token(): Promise<string> {
    await this.keycloak.updateToken(REFRESH_WHEN_SECONDS_LEFT);
    if (!this.keycloak.token) {
      throw new Error('signed out');
    }
    return this.keycloak.token;
  }

  /** Ends the Keycloak session too, then comes back to a "you are signed out" page (not straight to sign-in). */
  signOut(reason: 'idle' | 'by-choice' = 'by-choice'): Promise<void> {
    const back = new URL('/', window.location.origin);
    back.searchParams.set('signed-out', reason);
    return this.keycloak.logout({ redirectUri: back.toString() });
  }
}
