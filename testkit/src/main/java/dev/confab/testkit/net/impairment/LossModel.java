package dev.confab.testkit.net.impairment;

/** How an impaired path loses datagrams. Immutable values. */
public sealed interface LossModel {
    /** Loses nothing. */
    LossModel NONE = new None();

    /** The long-run share of datagrams lost. */
    double meanLoss();

    /** Each datagram lost independently with {@code probability}. */
    static LossModel random(double probability) {
        return new Random(probability);
    }

    /**
     * Bursts of loss (the Gilbert model): a good state that loses nothing and a bad state that loses everything, with
     * transitions chosen so that {@code meanLoss} of datagrams are lost in bursts of {@code meanBurstLength} on average.
     */
    static LossModel bursts(double meanLoss, double meanBurstLength) {
        if (!(meanLoss > 0 && meanLoss < 1) || !(meanBurstLength >= 1)) {
            throw new IllegalArgumentException("Need 0 < mean loss < 1 and a mean burst of at least 1: "
                    + meanLoss + ", " + meanBurstLength);
        }
        double badToGood = 1 / meanBurstLength;
        return new GilbertElliott(badToGood * meanLoss / (1 - meanLoss), badToGood, 0, 1);
    }

    /** See {@link #NONE}. */
    record None() implements LossModel {
        @Override
        public double meanLoss() {
            return 0;
        }
    }

    /** See {@link #random(double)}. */
    record Random(double probability) implements LossModel {
        public Random {
            Impairment.checkProbability("loss probability", probability);
        }

        @Override
        public double meanLoss() {
            return probability;
        }
    }

    /**
     * Gilbert-Elliott loss: a two-state Markov chain stepped once per datagram before deciding its fate.
     *
     * @param goodToBad  probability of moving from the good to the bad state
     * @param badToGood  probability of moving from the bad to the good state
     * @param lossInGood loss probability in the good state
     * @param lossInBad  loss probability in the bad state
     */
    record GilbertElliott(double goodToBad, double badToGood, double lossInGood, double lossInBad) implements LossModel {
        public GilbertElliott {
            Impairment.checkProbability("good-to-bad probability", goodToBad);
            Impairment.checkProbability("bad-to-good probability", badToGood);
            Impairment.checkProbability("loss in the good state", lossInGood);
            Impairment.checkProbability("loss in the bad state", lossInBad);
            if (goodToBad + badToGood == 0) {
                throw new IllegalArgumentException("The chain must be able to change state");
            }
        }

        @Override
        public double meanLoss() {
            double inBad = goodToBad / (goodToBad + badToGood);
            return inBad * lossInBad + (1 - inBad) * lossInGood;
        }
    }
}
