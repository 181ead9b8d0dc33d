/** Calls on screen: the incoming call window with its ringtone, the outgoing and in-call views, and call history. */
package dev.confab.client.ui.calls;
