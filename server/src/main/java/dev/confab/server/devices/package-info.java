/** Devices: the user's signed-in devices, their public keys (checked and immutable identity), and deletion. */
package dev.confab.server.devices;
