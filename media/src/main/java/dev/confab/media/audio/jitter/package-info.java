/** The receive-side adaptive audio jitter buffer: packets in from the network, 20 ms PCM frames out to playout. */
package dev.confab.media.audio.jitter;
