/** {@code confab --self-test}: checks, without a network, that the crypto, codec, sound and camera layers work here. */
package dev.confab.client.selftest;
