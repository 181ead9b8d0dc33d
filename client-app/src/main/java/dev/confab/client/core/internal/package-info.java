/** Plumbing shared by the core's feature packages; not an API. */
package dev.confab.client.core.internal;
