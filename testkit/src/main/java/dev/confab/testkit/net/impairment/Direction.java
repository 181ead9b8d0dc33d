package dev.confab.testkit.net.impairment;

/** A direction through an {@link ImpairmentRelay}: from the peer of side A to the peer of side B, or back. */
public enum Direction {
    A_TO_B,
    B_TO_A
}
