/** The short authentication string both callers compare by voice: four words or emoji from the DTLS exporter. */
package dev.confab.crypto.sas;
