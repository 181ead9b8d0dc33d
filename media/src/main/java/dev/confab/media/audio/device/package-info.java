/** Microphones and speakers: device listing and choice, 20 ms PCM frames captured and played on their own threads, WAV files. */
package dev.confab.media.audio.device;
