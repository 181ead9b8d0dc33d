package dev.confab.media.turn;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A TURN allocation as the server granted it (RFC 8656 section 7.3). Immutable.
 *
 * @param relayed  the relayed transport address: the relay candidate peers send to
 * @param mapped   the client's address as the server saw it: a server-reflexive candidate
 * @param lifetime how long the allocation lasts without a refresh
 */
public record TurnAllocation(InetSocketAddress relayed, InetSocketAddress mapped, Duration lifetime) {}
