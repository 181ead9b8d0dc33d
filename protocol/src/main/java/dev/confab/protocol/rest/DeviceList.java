package dev.confab.protocol.rest;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/devices}.
 */
public record DeviceList(List<DeviceInfo> devices) {}
