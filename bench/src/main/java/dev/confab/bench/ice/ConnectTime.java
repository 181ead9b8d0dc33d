package dev.confab.bench.ice;

/**
 * One call set-up's times, in milliseconds from the offerer starting to gather.
 *
 * @param iceConnectedMillis  until the offerer's ICE state is CONNECTED
 * @param dtlsConnectedMillis until the offerer holds its SRTP keys
 */
public record ConnectTime(double iceConnectedMillis, double dtlsConnectedMillis) {
}
