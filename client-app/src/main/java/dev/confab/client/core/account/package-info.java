/** The signed-in account of a profile: registering, signing in and out, password, sessions and devices. */
package dev.confab.client.core.account;
