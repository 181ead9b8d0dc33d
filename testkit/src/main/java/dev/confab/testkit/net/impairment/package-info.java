/** A seeded userspace UDP relay that loses, delays, jitters, reorders, duplicates and throttles datagrams. */
package dev.confab.testkit.net.impairment;
