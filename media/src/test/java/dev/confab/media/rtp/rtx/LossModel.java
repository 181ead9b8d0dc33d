package dev.confab.media.rtp.rtx;

import java.util.random.RandomGenerator;

/** Which packets a {@link SimulatedLink} drops. Implementations keep state per link: one thread. */
sealed interface LossModel permits LossModel.Independent, LossModel.Bursts {

    /** Whether the next packet is lost. */
    boolean drops(RandomGenerator random);

    /** The long-run share of packets lost. */
    double rate();

    /** Each packet lost independently with probability {@code rate}. */
    record Independent(double rate) implements LossModel {
        @Override
        public boolean drops(RandomGenerator random) {
            return random.nextDouble() < rate;
        }
    }

    /**
     * Gilbert's two-state loss: in the good state nothing is lost, in the bad state everything; the bad state starts
     * with probability {@code enter} after a packet and lasts {@code meanBurst} packets on average.
     */
    final class Bursts implements LossModel {
        private final double enter;
        private final double leave;
        private boolean bad;

        Bursts(double enter, double meanBurst) {
            this.enter = enter;
            this.leave = 1 / meanBurst;
        }

        @Override
        public boolean drops(RandomGenerator random) {
            bad = bad ? random.nextDouble() >= leave : random.nextDouble() < enter;
            return bad;
        }

        @Override
        public double rate() {
            return enter / (enter + leave);
        }
    }
}
