package dev.confab.crypto.sas;

import java.util.List;

/**
 * One of the 64 pictures of the emoji form of the short authentication string, with the name people say aloud
 * ("rocket") and screen readers read. Each symbol is a single code point with emoji presentation by default, so it
 * needs no variation selector to render as a picture. Immutable.
 *
 * @param symbol the emoji
 * @param name   its spoken name
 */
public record SasEmoji(String symbol, String name) {

    /** The table, index = 6-bit value. */
    static final List<SasEmoji> TABLE = List.of(
            e("🐶", "dog"), e("🐱", "cat"), e("🦁", "lion"), e("🐯", "tiger"),
            e("🐴", "horse"), e("🦄", "unicorn"), e("🐮", "cow"), e("🐷", "pig"),
            e("🐸", "frog"), e("🐵", "monkey"), e("🐔", "chicken"), e("🐧", "penguin"),
            e("🦉", "owl"), e("🐢", "turtle"), e("🐍", "snake"), e("🐙", "octopus"),
            e("🦀", "crab"), e("🐟", "fish"), e("🐬", "dolphin"), e("🐳", "whale"),
            e("🦋", "butterfly"), e("🐝", "bee"), e("🐞", "ladybug"), e("🌵", "cactus"),
            e("🌲", "tree"), e("🌻", "sunflower"), e("🍄", "mushroom"), e("🍎", "apple"),
            e("🍌", "banana"), e("🍇", "grapes"), e("🍓", "strawberry"), e("🍒", "cherries"),
            e("🍋", "lemon"), e("🥕", "carrot"), e("🌽", "corn"), e("🍕", "pizza"),
            e("🍩", "doughnut"), e("🎂", "cake"), e("☕", "coffee"), e("🔑", "key"),
            e("🔒", "lock"), e("⚓", "anchor"), e("🔔", "bell"), e("📚", "books"),
            e("🎸", "guitar"), e("🥁", "drum"), e("🎈", "balloon"), e("🎁", "gift"),
            e("🏠", "house"), e("🚗", "car"), e("🚲", "bicycle"), e("🚀", "rocket"),
            e("⛵", "sailboat"), e("🌙", "moon"), e("⭐", "star"), e("🔥", "fire"),
            e("💧", "droplet"), e("🌈", "rainbow"), e("⚽", "ball"), e("🏆", "trophy"),
            e("👑", "crown"), e("🎩", "hat"), e("👓", "glasses"), e("⏰", "clock"));

    private static SasEmoji e(String symbol, String name) {
        return new SasEmoji(symbol, name);
    }
}
