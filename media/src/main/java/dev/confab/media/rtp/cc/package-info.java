/**
 * Send-side congestion control over transport-cc (draft-holmer-rmcat-transport-wide-cc-extensions-01, GCC): feedback
 * recorded and sent by the receiver, a delay- and loss-based bandwidth estimate at the sender, and the policy that
 * splits it between audio and video and picks the video's resolution and frame rate.
 */
package dev.confab.media.rtp.cc;
