package dev.confab.crypto.sas;

import java.util.List;

/**
 * The 256 words of the short authentication string, one per byte value: short, common English words, no two that
 * sound alike or share a spelling, written for Confab (not taken from the PGP list or any other). Sorted, so a
 * word's index is its position in the alphabet of the list.
 */
final class SasWords {

    /** The words, index = byte value. */
    static final List<String> WORDS = List.of("""
            almond amber anchor ant apple arrow badger bagel balloon banana banjo barrel basket bat bean beaver
            beetle bell bison blanket book bottle brave bread bright bucket buffalo butter button cabbage cactus cake
            calm camel camera candle candy canyon carpet carrot castle cat celery chair cheese cherry clever clock
            cloud cobra cocoa coconut coin comet compass cookie coral corn cozy crab cricket crimson crow crown
            curry desert dog donkey donut dragon drum duck eager eagle engine falcon feather ferret fluffy forest
            fork fox frog galaxy garlic gecko gentle ginger glacier goat golden goose grape guitar hammer happy
            hawk helmet heron hippo honey hornet horse indigo island ivory jacket jade jaguar jolly jungle kettle
            kite kitten kiwi koala ladder lake lamp lantern lava lemon lemur lilac lime lion lizard llama
            lobster lucky magnet magpie mango marble meadow melon mighty mirror mole monkey moon moose mouse muffin
            needle noble noodle ocean olive onion orbit otter owl oyster paddle pancake panda parrot pasta peach
            peanut pelican pencil penguin pepper piano pickle pigeon pillow pizza planet plum pocket pony potato pretzel
            puma pumpkin purple puzzle quiet rabbit radio radish rapid raven rhino ribbon rice river robin rock
            rocket saddle salad salmon sand scarf shark sheep shiny shovel silver skunk sleepy sloth smooth snail
            snow soup spider spoon squid storm stream summit sunny swan swift table taco teapot tent thunder
            ticket tiger tiny toast tomato tractor trophy trout trumpet tunnel turkey turtle valley violin viper volcano
            waffle wagon wallet walnut walrus weasel whistle window witty wolf wombat worm yak yogurt zebra zipper
            """.strip().split("\\s+"));

    private SasWords() {
    }
}
