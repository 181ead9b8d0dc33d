/** Calls between {@code confab} command lines running inside the network lab's hosts, behind NATs. */
package dev.confab.client.lab;
