package dev.confab.server.contacts;

import dev.confab.protocol.rest.NewContactRequest;
import dev.confab.server.http.Api;
import dev.confab.server.http.Http;
import dev.confab.server.limits.RateLimiter;

/** REST routes of contacts, contact requests (limited per account) and blocks. Stateless. */
public final class ContactRoutes {
    private ContactRoutes() {}

    public static void addTo(Api api, ContactService contacts, BlockService blocks, RateLimiter requestsPerUser) {
        api.get("/api/v1/contacts", (ctx, p) -> Http.ok(ctx, contacts.list(p)));
        api.delete("/api/v1/contacts/{userId}", (ctx, p) -> {
            contacts.remove(p, Http.idParam(ctx, "userId"));
            Http.noContent(ctx);
        });
        api.get("/api/v1/contact-requests", (ctx, p) -> Http.ok(ctx, contacts.pending(p)));
        api.post("/api/v1/contact-requests", (ctx, p) -> {
            requestsPerUser.check(p.userId());
            Http.created(ctx, contacts.request(p, Http.body(ctx, NewContactRequest.class)));
        });
        api.post("/api/v1/contact-requests/{requestId}/accept", (ctx, p) ->
                Http.ok(ctx, contacts.accept(p, Http.idParam(ctx, "requestId"))));
        api.post("/api/v1/contact-requests/{requestId}/decline", (ctx, p) -> {
            contacts.decline(p, Http.idParam(ctx, "requestId"));
            Http.noContent(ctx);
        });
        api.delete("/api/v1/contact-requests/{requestId}", (ctx, p) -> {
            contacts.cancel(p, Http.idParam(ctx, "requestId"));
            Http.noContent(ctx);
        });
        api.get("/api/v1/blocks", (ctx, p) -> Http.ok(ctx, blocks.list(p)));
        api.put("/api/v1/blocks/{userId}", (ctx, p) -> {
            blocks.block(p, Http.idParam(ctx, "userId"));
            Http.noContent(ctx);
        });
        api.delete("/api/v1/blocks/{userId}", (ctx, p) -> {
            blocks.unblock(p, Http.idParam(ctx, "userId"));
            Http.noContent(ctx);
        });
    }
}
