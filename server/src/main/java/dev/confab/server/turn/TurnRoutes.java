package dev.confab.server.turn;

import dev.confab.server.http.Api;
import dev.confab.server.http.Http;

/** REST route for TURN credentials. Stateless. */
public final class TurnRoutes {
    private TurnRoutes() {}

    public static void addTo(Api api, TurnCredentialService turn) {
        api.get("/api/v1/turn-credentials", (ctx, p) -> Http.ok(ctx, turn.credentialsFor(p.userId())));
    }
}
