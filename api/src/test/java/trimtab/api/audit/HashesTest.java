package trimtab.api.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HashesTest {

    @Test
    void sha256IsTheStandardDigestInLowerCaseHex() {
        // FIPS 180-2, appendix B.1
        assertThat(Hashes.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void linesHashAsTheirJoinedTextDoesSoExistingChainsStillVerify() {
        String[] parts = {"0".repeat(64), "42", "ORDER_DECISION", "Ménage Öztürk – 🏠", "", "{\"verdict\":\"PASS\"}"};
        String joined = Hashes.sha256(String.join("\n", parts));

        assertThat(Hashes.sha256Lines(parts)).isEqualTo(joined);
        byte[][] encoded = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            encoded[i] = parts[i].getBytes(StandardCharsets.UTF_8);
        }
        assertThat(Hashes.sha256Lines(encoded)).isEqualTo(joined);
        assertThat(Hashes.sha256Lines("only")).isEqualTo(Hashes.sha256("only"));
    }
}
