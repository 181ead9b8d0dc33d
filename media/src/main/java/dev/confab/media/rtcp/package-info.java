/** RTCP (RFC 3550, RFC 4585 feedback, RFC 5506 reduced size): compound packets parsed and written, receiver statistics. */
package dev.confab.media.rtcp;
