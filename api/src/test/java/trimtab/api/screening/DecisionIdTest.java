package trimtab.api.screening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionIdTest {

    @Test
    void anIdIsItsRequestAndLine() {
        DecisionId id = DecisionId.parse("019ac0de-7f3a-7b21-9c4e-2f1d8e6a5b43-17").orElseThrow();

        assertThat(id.requestId()).isEqualTo("019ac0de-7f3a-7b21-9c4e-2f1d8e6a5b43");
        assertThat(id.line()).isEqualTo(17);
        assertThat(id).hasToString("019ac0de-7f3a-7b21-9c4e-2f1d8e6a5b43-17");
    }

    @Test
    void textThatIsNoDecisionIdNamesNoDecision() {
        assertThat(DecisionId.parse("019ac0de-7f3a-7b21-9c4e-2f1d8e6a5b43")).as("a request id: its last part is hex, not a line")
                .isEmpty();
        assertThat(DecisionId.parse("REQ-0")).as("lines count from 1").isEmpty();
        assertThat(DecisionId.parse("REQ-")).isEmpty();
        assertThat(DecisionId.parse("-3")).isEmpty();
        assertThat(DecisionId.parse("REQ-+3")).isEmpty();
        assertThat(DecisionId.parse("REQ-99999999999")).as("no line that big").isEmpty();
        assertThat(DecisionId.parse("nothing")).isEmpty();
        assertThat(DecisionId.parse("REQ-07")).as("one id per decision: no leading zero").isEmpty();
        assertThat(DecisionId.parse("requête-1")).as("ids are ASCII").isEmpty();
    }
}
