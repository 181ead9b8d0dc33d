package dev.confab.crypto.sas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortAuthStringTest {

    /**
     * Bytes 0-3 pick words by value; bytes 4-6 are 24 bits read as four 6-bit emoji indices.
     * fc 10 41 = 111111 000001 000001 000001 -> 63, 1, 1, 1; 08 20 82 = 000010 x 4 -> 2, 2, 2, 2.
     */
    @ParameterizedTest
    @CsvSource({
        "00 01 fe ff fc 10 41, almond amber zebra zipper, clock cat cat cat",
        "ff ff ff ff 00 00 00, zipper zipper zipper zipper, dog dog dog dog",
        "80 40 20 10 08 20 82, lobster curry calm beetle, lion lion lion lion",
    })
    void mapsExporterBytesToWordsAndEmoji(String hex, String words, String emojiNames) {
        ShortAuthString sas = ShortAuthString.fromExporterOutput(HexFormat.ofDelimiter(" ").parseHex(hex));

        assertThat(sas.wordText()).isEqualTo(words);
        assertThat(String.join(" ", sas.emoji().stream().map(SasEmoji::name).toList())).isEqualTo(emojiNames);
        assertThat(sas.emojiText().split(" ")).hasSize(ShortAuthString.SYMBOLS);
    }

    @Test
    void theWordListHas256DistinctShortLowerCaseWords() {
        List<String> words = SasWords.WORDS;

        assertThat(words).hasSize(256).doesNotHaveDuplicates().isSorted();
        assertThat(words).allMatch(word -> word.matches("[a-z]{3,7}"), "3-7 lower-case letters");
    }

    @Test
    void theEmojiTableHas64DistinctSingleCodePointPictures() {
        List<SasEmoji> table = SasEmoji.TABLE;

        assertThat(table).hasSize(64);
        assertThat(new HashSet<>(table.stream().map(SasEmoji::symbol).toList())).hasSize(64);
        assertThat(new HashSet<>(table.stream().map(SasEmoji::name).toList())).hasSize(64);
        assertThat(table).allMatch(e -> e.symbol().codePointCount(0, e.symbol().length()) == 1, "one code point")
                .allMatch(e -> Character.isEmojiPresentation(e.symbol().codePointAt(0)), "emoji presentation");
    }

    @Test
    void needsExactlySevenExporterBytes() {
        assertThatThrownBy(() -> ShortAuthString.fromExporterOutput(new byte[6]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShortAuthString(List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
