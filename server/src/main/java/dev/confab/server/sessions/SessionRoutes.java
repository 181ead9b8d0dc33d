package dev.confab.server.sessions;

import dev.confab.protocol.rest.LoginRequest;
import dev.confab.server.http.Api;
import dev.confab.server.http.Http;

/** REST routes of sessions: sign in, list, sign out, revoke. Stateless. */
public final class SessionRoutes {
    private SessionRoutes() {}

    public static void addTo(Api api, SignInService signIn, SessionService sessions) {
        api.publicPost("/api/v1/sessions", ctx ->
                Http.created(ctx, signIn.signIn(Http.body(ctx, LoginRequest.class), ctx.ip())));
        api.get("/api/v1/sessions", (ctx, p) -> Http.ok(ctx, sessions.list(p)));
        api.delete("/api/v1/sessions/current", (ctx, p) -> {
            sessions.revokeCurrent(p);
            Http.noContent(ctx);
        });
        api.delete("/api/v1/sessions/{sessionId}", (ctx, p) -> {
            sessions.revoke(p, Http.idParam(ctx, "sessionId"));
            Http.noContent(ctx);
        });
    }
}
