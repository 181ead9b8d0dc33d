/** Test-only launchers for the real things Confab's tests run against: the server, PostgreSQL, libsrtp2, ffmpeg, Chromium, PulseAudio. */
package dev.confab.testkit;
