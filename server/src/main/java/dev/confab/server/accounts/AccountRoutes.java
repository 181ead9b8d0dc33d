package dev.confab.server.accounts;

import dev.confab.protocol.Fields;
import dev.confab.protocol.rest.ChangePasswordRequest;
import dev.confab.protocol.rest.DeleteAccountRequest;
import dev.confab.protocol.rest.RegisterRequest;
import dev.confab.server.http.Api;
import dev.confab.server.http.Http;
import dev.confab.server.limits.RateLimiter;

/** REST routes of accounts and user search (limited per account, so usernames cannot be harvested). Stateless. */
public final class AccountRoutes {
    private AccountRoutes() {}

    public static void addTo(Api api, AccountService accounts, RateLimiter registerPerAddress,
            RateLimiter lookupsPerUser) {
        api.publicPost("/api/v1/accounts", ctx -> {
            registerPerAddress.check(ctx.ip());
            Http.created(ctx, accounts.register(Http.body(ctx, RegisterRequest.class)));
        });
        api.get("/api/v1/accounts/me", (ctx, p) -> Http.ok(ctx, accounts.me(p)));
        api.put("/api/v1/accounts/me/password", (ctx, p) -> {
            accounts.changePassword(p, Http.body(ctx, ChangePasswordRequest.class));
            Http.noContent(ctx);
        });
        api.delete("/api/v1/accounts/me", (ctx, p) -> {
            accounts.delete(p, Http.body(ctx, DeleteAccountRequest.class));
            Http.noContent(ctx);
        });
        api.get("/api/v1/users", (ctx, p) -> {
            lookupsPerUser.check(p.userId());
            String username = Fields.bounded(ctx.queryParam("username"), "username", 64);
            Http.ok(ctx, accounts.find(username));
        });
    }
}
