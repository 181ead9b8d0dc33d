/*
 * Confab's libsrtp2 oracle: a line protocol on stdin/stdout so tests can protect and unprotect packets with
 * libsrtp, an independent SRTP implementation. Commands (hex is lowercase, no spaces):
 *   validate                          libsrtp's own known answer (srtp_validate: RTP and RTCP, AES_CM_128_HMAC_SHA1_80)
 *   session PROFILE KEYSALT_HEX       new sender (any outbound SSRC) and receiver (any inbound SSRC);
 *                                     PROFILE is the DTLS-SRTP profile number (1, 2, 7, 8)
 *   protect HEX | unprotect HEX | protect_rtcp HEX | unprotect_rtcp HEX
 *   quit
 * Each answers one line: "ok [HEX]" or "err STATUS" (libsrtp's srtp_err_status_t).
 */
#include <srtp2/srtp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PACKET 16384

static srtp_t sender;
static srtp_t receiver;

static int from_hex(const char *hex, unsigned char *out, int max) {
    int n = (int)strlen(hex) / 2;
    if (n > max) return -1;
    for (int i = 0; i < n; i++) {
        unsigned int byte;
        if (sscanf(hex + 2 * i, "%2x", &byte) != 1) return -1;
        out[i] = (unsigned char)byte;
    }
    return n;
}

static void print_hex(const unsigned char *bytes, int len) {
    printf("ok ");
    for (int i = 0; i < len; i++) printf("%02x", bytes[i]);
    printf("\n");
}

static int validate(void) {
    static const unsigned char key[30] = {
        0xe1, 0xf9, 0x7a, 0x0d, 0x3e, 0x01, 0x8b, 0xe0, 0xd6, 0x4f, 0xa3, 0x2c, 0x06, 0xde, 0x41, 0x39,
        0x0e, 0xc6, 0x75, 0xad, 0x49, 0x8a, 0xfe, 0xeb, 0xb6, 0x96, 0x0b, 0x3a, 0xab, 0xe6};
    static const unsigned char rtp_cipher[38] = {
        0x80, 0x0f, 0x12, 0x34, 0xde, 0xca, 0xfb, 0xad, 0xca, 0xfe, 0xba, 0xbe, 0x4e, 0x55, 0xdc, 0x4c,
        0xe7, 0x99, 0x78, 0xd8, 0x8c, 0xa4, 0xd2, 0x15, 0x94, 0x9d, 0x24, 0x02, 0xb7, 0x8d, 0x6a, 0xcc,
        0x99, 0xea, 0x17, 0x9b, 0x8d, 0xbb};
    static const unsigned char rtcp_cipher[38] = {
        0x81, 0xc8, 0x00, 0x0b, 0xca, 0xfe, 0xba, 0xbe, 0x71, 0x28, 0x03, 0x5b, 0xe4, 0x87, 0xb9, 0xbd,
        0xbe, 0xf8, 0x90, 0x41, 0xf9, 0x77, 0xa5, 0xa8, 0x80, 0x00, 0x00, 0x01, 0x99, 0x3e, 0x08, 0xcd,
        0x54, 0xd6, 0xc1, 0x23, 0x07, 0x98};
    unsigned char packet[64 + SRTP_MAX_TRAILER_LEN] = {
        0x80, 0x0f, 0x12, 0x34, 0xde, 0xca, 0xfb, 0xad, 0xca, 0xfe, 0xba, 0xbe};
    srtp_policy_t policy;
    srtp_t session;
    int len = 28;
    memset(&policy, 0, sizeof(policy));
    srtp_crypto_policy_set_rtp_default(&policy.rtp);
    srtp_crypto_policy_set_rtcp_default(&policy.rtcp);
    policy.ssrc.type = ssrc_specific;
    policy.ssrc.value = 0xcafebabe;
    policy.key = (unsigned char *)key;
    policy.window_size = 128;
    if (srtp_create(&session, &policy)) return 1;
    memset(packet + 12, 0xab, 16);
    if (srtp_protect(session, packet, &len) || len != 38 || memcmp(packet, rtp_cipher, 38)) return 2;
    memcpy(packet, "\x81\xc8\x00\x0b\xca\xfe\xba\xbe", 8);
    memset(packet + 8, 0xab, 16);
    len = 24;
    if (srtp_protect_rtcp(session, packet, &len) || len != 38 || memcmp(packet, rtcp_cipher, 38)) return 3;
    srtp_dealloc(session);
    return 0;
}

static int make_session(srtp_t *session, int profile, unsigned char *key, srtp_ssrc_type_t direction) {
    srtp_policy_t policy;
    memset(&policy, 0, sizeof(policy));
    if (srtp_crypto_policy_set_from_profile_for_rtp(&policy.rtp, (srtp_profile_t)profile)) return -1;
    if (srtp_crypto_policy_set_from_profile_for_rtcp(&policy.rtcp, (srtp_profile_t)profile)) return -1;
    policy.ssrc.type = direction;
    policy.key = key;
    policy.window_size = 1024;
    return srtp_create(session, &policy);
}

int main(void) {
    static char line[2 * MAX_PACKET + 64];
    static unsigned char packet[MAX_PACKET + SRTP_MAX_TRAILER_LEN + 4];
    static unsigned char key[64];
    if (srtp_init()) {
        printf("err init\n");
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    while (fgets(line, sizeof(line), stdin)) {
        char *arg = strchr(line, ' ');
        line[strcspn(line, "\r\n")] = 0;
        if (arg) *arg++ = 0;
        const char *command = line;
        if (!strcmp(command, "quit")) break;
        if (!strcmp(command, "validate")) {
            int failed = validate();
            if (failed) printf("err validate %d\n", failed); else printf("ok\n");
            continue;
        }
        if (!strcmp(command, "session")) {
            int profile = 0;
            char hex[160];
            if (!arg || sscanf(arg, "%d %159s", &profile, hex) != 2 || from_hex(hex, key, sizeof(key)) < 0) {
                printf("err usage\n");
                continue;
            }
            if (sender) srtp_dealloc(sender);
            if (receiver) srtp_dealloc(receiver);
            sender = receiver = NULL;
            int status = make_session(&sender, profile, key, ssrc_any_outbound);
            if (!status) status = make_session(&receiver, profile, key, ssrc_any_inbound);
            if (status) printf("err %d\n", status); else printf("ok\n");
            continue;
        }
        int len = arg ? from_hex(arg, packet, MAX_PACKET) : -1;
        if (len < 0 || !sender) {
            printf("err usage\n");
            continue;
        }
        srtp_err_status_t status;
        if (!strcmp(command, "protect")) status = srtp_protect(sender, packet, &len);
        else if (!strcmp(command, "unprotect")) status = srtp_unprotect(receiver, packet, &len);
        else if (!strcmp(command, "protect_rtcp")) status = srtp_protect_rtcp(sender, packet, &len);
        else if (!strcmp(command, "unprotect_rtcp")) status = srtp_unprotect_rtcp(receiver, packet, &len);
        else {
            printf("err usage\n");
            continue;
        }
        if (status) printf("err %d\n", status); else print_hex(packet, len);
    }
    return 0;
}
