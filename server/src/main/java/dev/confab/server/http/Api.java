package dev.confab.server.http;

import dev.confab.server.limits.RateLimits;
import dev.confab.server.sessions.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Registers REST routes. Authenticated routes resolve the bearer token to a {@link Principal} (401 otherwise),
 * rate limited per session; failed authentications and unauthenticated POSTs are rate limited per client
 * address. Thread-safe once built.
 */
public final class Api {
    /** A route handler that runs for a signed-in caller. */
    @FunctionalInterface
    public interface AuthedHandler {
        void handle(Context ctx, Principal principal) throws Exception;
    }

    private final RoutesConfig routes;
    private final Authenticator authenticator;
    private final RateLimits limits;

    public Api(RoutesConfig routes, Authenticator authenticator, RateLimits limits) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.limits = limits;
    }

    public void get(String path, AuthedHandler handler) {
        routes.get(path, authed(handler));
    }

    public void post(String path, AuthedHandler handler) {
        routes.post(path, authed(handler));
    }

    public void put(String path, AuthedHandler handler) {
        routes.put(path, authed(handler));
    }

    public void delete(String path, AuthedHandler handler) {
        routes.delete(path, authed(handler));
    }

    /** A POST anyone may call (register, sign in), limited per client address. */
    public void publicPost(String path, Handler handler) {
        routes.post(path, ctx -> {
            limits.requestsPerAddress().check(ctx.ip());
            handler.handle(ctx);
        });
    }

    /** A GET anyone may call, without limits (health, metrics). */
    public void publicGet(String path, Handler handler) {
        routes.get(path, handler);
    }

    /** The caller of a request, or {@code 401 unauthorized}. */
    private Principal authenticate(Context ctx) {
        return authenticator.authenticate(ctx.header("Authorization"), ctx.ip());
    }

    private Handler authed(AuthedHandler handler) {
        return ctx -> handler.handle(ctx, authenticate(ctx));
    }
}
