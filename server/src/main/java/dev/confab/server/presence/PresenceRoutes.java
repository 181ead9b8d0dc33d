package dev.confab.server.presence;

import dev.confab.protocol.rest.SetPresenceRequest;
import dev.confab.server.http.Api;
import dev.confab.server.http.Http;

/** REST route for choosing this device's presence. Stateless. */
public final class PresenceRoutes {
    private PresenceRoutes() {}

    public static void addTo(Api api, PresenceService presence) {
        api.put("/api/v1/presence", (ctx, p) -> {
            presence.choose(p, Http.body(ctx, SetPresenceRequest.class).state());
            Http.noContent(ctx);
        });
    }
}
