package dev.confab.protocol.rest;

import java.util.List;

/**
 * A STUN or TURN server for ICE, in the shape WebRTC's RTCIceServer has; TURN entries carry time-limited
 * credentials (coturn's shared-secret scheme).
 */
public record IceServer(List<String> urls, String username, String credential) {}
