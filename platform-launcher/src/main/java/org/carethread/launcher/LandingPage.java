package org.carethread.launcher;

import java.util.stream.Collectors;

/**
 * The page the staff origin shows while the staff web app has not been built ({@code staff-web/target/dist} is
 * missing, e.g. after {@code --skip-services} on a fresh clone): what runs where and how to try it.
 */
final class LandingPage {
    private LandingPage() {
    }

    static String html() {
        String logins = LocalPlatform.DEMO_LOGINS.stream()
                .map(login -> "<tr><td><code>" + login.username() + "</code></td><td>" + login.role() + "</td><td>"
                        + String.join(", ", login.locations()) + "</td></tr>")
                .collect(Collectors.joining("\n          "));
        String carrier = "http://localhost:" + LocalPlatform.SANDBOX_CARRIER_PORT;
        String issuer = KeycloakProcess.ISSUER;
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>CareThread</title>
                  <style>
                    body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
                           color: #1d2733; line-height: 1.5; }
                    h1 { color: #0b6e75; margin-bottom: 0; }
                    .tagline { color: #52606d; margin-top: .25rem; }
                    table { border-collapse: collapse; }
                    td, th { border-bottom: 1px solid #d9e2ec; padding: .3rem .9rem .3rem 0; text-align: left; }
                    pre { background: #f0f4f8; padding: .8rem; overflow-x: auto; border-radius: 4px; }
                    code { font-size: .92em; }
                  </style>
                </head>
                <body>
                  <h1>CareThread</h1>
                  <p class="tagline">Secure patient messaging for medical practices &mdash; local platform</p>

                  <h2>Staff API</h2>
                  <p>This origin is the staff gateway. The staff web app is served here once it is built
                    (<code>./mvnw -pl staff-web install</code>); the API is:</p>
                  <ul>
                    <li><code>/api/**</code> &rarr; conversation-service (conversations, queues, replies)</li>
                    <li><code>/api/routing/**</code> &rarr; routing-service (patient directory, identity reviews,
                      patient links)</li>
                    <li><code>/api/audit/**</code> &rarr; audit-service (audit log, chain verification)</li>
                  </ul>
                  <p>Every call needs a staff access token from Keycloak (<code>%2$s</code>), sent as
                    <code>Authorization: Bearer &lt;token&gt;</code>. Get one for a script:</p>
                  <pre>TOKEN=$(curl -s -d grant_type=password -d client_id=carethread-cli \\
                  -d username=frontdesk.north -d password=carethread-demo \\
                  %2$s/protocol/openid-connect/token | jq -r .access_token)</pre>

                  <h2>Demo logins</h2>
                  <p>Every demo user's password is <code>carethread-demo</code>.</p>
                  <table>
                    <thead><tr><th>user</th><th>role</th><th>locations</th></tr></thead>
                    <tbody>
                      %1$s
                    </tbody>
                  </table>

                  <h2>Play the patient</h2>
                  <p>The sandbox carrier at <code>%3$s</code> stands in for Vonage. Text the North Clinic
                    (15550001001) or the South Clinic (15550001002):</p>
                  <pre>curl -s -X POST %3$s/sandbox/inbound -H 'Content-Type: application/json' \\
                  -d '{"from":"15557654321","to":"15550001001","text":"Hi, can I move my appointment to Friday?"}'</pre>
                  <p>See what the practice texted back (with delivery status):</p>
                  <pre>curl -s %3$s/sandbox/messages</pre>
                  <p>The demo uses made-up numbers and messages only. Never enter real patient information here.</p>
                </body>
                </html>
                """.formatted(logins, issuer, carrier);
    }
}
