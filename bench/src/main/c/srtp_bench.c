/*
 * libsrtp2 side of Confab's SRTP benchmark: packets per second for protect and unprotect, per profile and payload
 * size, measured the same way as the JMH side (bench/.../srtp/SrtpBenchmark.java):
 *   protect:   copy the plaintext RTP packet into a buffer, set its sequence number, protect in place;
 *   unprotect: protect a batch of BATCH packets with consecutive sequence numbers (not timed), then time the
 *              unprotect of the whole batch on the receiving session (replay protection on).
 * Each measure is the median of TRIALS trials of about TRIAL_SECONDS each. Output: one line per measure,
 *   libsrtp2 <profile> <protect|unprotect> <payload bytes> <packets per second>
 * and first a line "# version <libsrtp version string>".
 * Usage: srtp_bench [trial seconds] [trials]
 */
#include <srtp2/srtp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH 4096
#define HEADER 12
#define MAX_PACKET (HEADER + 1200 + SRTP_MAX_TRAILER_LEN)

typedef struct {
    const char *name;
    void (*set_rtp)(srtp_crypto_policy_t *);
    void (*set_rtcp)(srtp_crypto_policy_t *);
    int key_and_salt;
} profile_t;

static const profile_t PROFILES[] = {
    {"AES_CM_128_HMAC_SHA1_80", srtp_crypto_policy_set_rtp_default,
     srtp_crypto_policy_set_rtcp_default, 30},
    {"AES_CM_128_HMAC_SHA1_32", srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32,
     srtp_crypto_policy_set_rtcp_default, 30},
    {"AEAD_AES_128_GCM", srtp_crypto_policy_set_aes_gcm_128_16_auth, srtp_crypto_policy_set_aes_gcm_128_16_auth, 28},
    {"AEAD_AES_256_GCM", srtp_crypto_policy_set_aes_gcm_256_16_auth, srtp_crypto_policy_set_aes_gcm_256_16_auth, 44},
};

static const int PAYLOADS[] = {1200, 160};

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static srtp_t session(const profile_t *p, unsigned char *key, srtp_ssrc_type_t type) {
    srtp_policy_t policy;
    memset(&policy, 0, sizeof policy);
    p->set_rtp(&policy.rtp);
    p->set_rtcp(&policy.rtcp);
    policy.ssrc.type = type;
    policy.ssrc.value = 0;
    policy.key = key;
    policy.window_size = 128;
    policy.next = NULL;
    srtp_t s;
    if (srtp_create(&s, &policy) != srtp_err_status_ok) {
        fprintf(stderr, "srtp_create failed for %s\n", p->name);
        exit(1);
    }
    return s;
}

static void header(unsigned char *packet, unsigned seq) {
    packet[0] = 0x80;
    packet[1] = 111;
    packet[2] = (seq >> 8) & 0xff;
    packet[3] = seq & 0xff;
    packet[4] = packet[5] = packet[6] = 0;
    packet[7] = 1;
    packet[8] = 0x12; packet[9] = 0x34; packet[10] = 0x56; packet[11] = 0x78;
}

static double protect_rate(const profile_t *p, unsigned char *key, int payload, double seconds) {
    srtp_t tx = session(p, key, ssrc_any_outbound);
    unsigned char plain[MAX_PACKET], buf[MAX_PACKET];
    header(plain, 0);
    for (int i = 0; i < payload; i++) plain[HEADER + i] = (unsigned char)i;
    unsigned seq = 0;
    long count = 0;
    double start = now(), end;
    do {
        for (int i = 0; i < 1024; i++) {
            memcpy(buf, plain, HEADER + payload);
            buf[2] = (seq >> 8) & 0xff;
            buf[3] = seq & 0xff;
            seq++;
            int len = HEADER + payload;
            if (srtp_protect(tx, buf, &len) != srtp_err_status_ok) { fprintf(stderr, "protect failed\n"); exit(1); }
        }
        count += 1024;
        end = now();
    } while (end - start < seconds);
    srtp_dealloc(tx);
    return count / (end - start);
}

static double unprotect_rate(const profile_t *p, unsigned char *key, int payload, double seconds) {
    srtp_t tx = session(p, key, ssrc_any_outbound);
    srtp_t rx = session(p, key, ssrc_any_inbound);
    unsigned char *batch = malloc((size_t)BATCH * MAX_PACKET);
    int lengths[BATCH];
    unsigned seq = 0;
    long count = 0;
    double timed = 0;
    while (timed < seconds) {
        for (int i = 0; i < BATCH; i++) {
            unsigned char *pkt = batch + (size_t)i * MAX_PACKET;
            header(pkt, seq++);
            for (int j = 0; j < payload; j++) pkt[HEADER + j] = (unsigned char)j;
            lengths[i] = HEADER + payload;
            if (srtp_protect(tx, pkt, &lengths[i]) != srtp_err_status_ok) { fprintf(stderr, "protect failed\n"); exit(1); }
        }
        double start = now();
        for (int i = 0; i < BATCH; i++) {
            if (srtp_unprotect(rx, batch + (size_t)i * MAX_PACKET, &lengths[i]) != srtp_err_status_ok) {
                fprintf(stderr, "unprotect failed\n");
                exit(1);
            }
        }
        timed += now() - start;
        count += BATCH;
    }
    free(batch);
    srtp_dealloc(tx);
    srtp_dealloc(rx);
    return count / timed;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 1.0;
    int trials = argc > 2 ? atoi(argv[2]) : 5;
    if (trials < 1 || trials > 99 || seconds <= 0) { fprintf(stderr, "usage: srtp_bench [seconds] [trials]\n"); return 2; }
    if (srtp_init() != srtp_err_status_ok) { fprintf(stderr, "srtp_init failed\n"); return 1; }
    printf("# version %s\n", srtp_get_version_string());
    unsigned char key[64];
    for (int i = 0; i < 64; i++) key[i] = (unsigned char)(i * 7 + 1);
    double results[99];
    for (size_t p = 0; p < sizeof PROFILES / sizeof PROFILES[0]; p++) {
        for (size_t s = 0; s < sizeof PAYLOADS / sizeof PAYLOADS[0]; s++) {
            for (int op = 0; op < 2; op++) {
                for (int t = 0; t < trials; t++) {
                    results[t] = op == 0 ? protect_rate(&PROFILES[p], key, PAYLOADS[s], seconds)
                                         : unprotect_rate(&PROFILES[p], key, PAYLOADS[s], seconds);
                }
                qsort(results, trials, sizeof results[0], compare);
                printf("libsrtp2 %s %s %d %.0f\n", PROFILES[p].name, op == 0 ? "protect" : "unprotect",
                       PAYLOADS[s], results[trials / 2]);
                fflush(stdout);
            }
        }
    }
    return 0;
}
