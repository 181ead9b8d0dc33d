package dev.confab.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellTokenizerTest {
    @Test
    void splitsLikeAShell() {
        assertThat(Shell.tokenize("  send bob   hello there ")).containsExactly("send", "bob", "hello", "there");
        assertThat(Shell.tokenize("send bob \"hello   there\" 'it''s'")).containsExactly("send", "bob", "hello   there", "its");
        assertThat(Shell.tokenize("send bob it\\'s \"a \\\"quote\\\"\"")).containsExactly("send", "bob", "it's", "a \"quote\"");
        assertThat(Shell.tokenize("contacts add bob -m ''")).containsExactly("contacts", "add", "bob", "-m", "");
        assertThat(Shell.tokenize("   ")).isEmpty();
    }

    @Test
    void refusesAnOpenQuote() {
        assertThatThrownBy(() -> Shell.tokenize("send bob \"oops")).hasMessageContaining("quote");
    }
}
