package dev.confab.server.devices;

import dev.confab.protocol.rest.DeviceKeysUpload;
import dev.confab.server.http.Api;
import dev.confab.server.http.Http;

/** REST routes of devices and keys. Stateless. */
public final class DeviceRoutes {
    private DeviceRoutes() {}

    public static void addTo(Api api, DeviceService devices) {
        api.get("/api/v1/devices", (ctx, p) -> Http.ok(ctx, devices.list(p)));
        api.put("/api/v1/devices/current/keys", (ctx, p) -> {
            devices.upload(p, Http.body(ctx, DeviceKeysUpload.class));
            Http.noContent(ctx);
        });
        api.delete("/api/v1/devices/{deviceId}", (ctx, p) -> {
            devices.delete(p, Http.idParam(ctx, "deviceId"));
            Http.noContent(ctx);
        });
        api.get("/api/v1/users/{userId}/keys", (ctx, p) -> Http.ok(ctx, devices.keysOf(p, Http.idParam(ctx, "userId"))));
    }
}
