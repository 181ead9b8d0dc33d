/** Test measures of audio: where a source sits in a recording of it, and how alike the two are. */
package dev.confab.testkit.audio;
