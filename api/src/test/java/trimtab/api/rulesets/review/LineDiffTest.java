package trimtab.api.rulesets.review;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The unified diff a reviewer reads, checked against what {@code diff -u} prints for the same files. */
class LineDiffTest {

    @Test
    void equal_lists_have_no_diff() {
        assertThat(LineDiff.unified(List.of("a", "b"), List.of("a", "b"), "old", "new")).isEmpty();
        assertThat(LineDiff.unified(List.of(), List.of(), "old", "new")).isEmpty();
    }

    @Test
    void one_changed_line_in_the_middle_has_three_lines_of_context_each_side() {
        List<String> before = lines(1, 20);
        List<String> after = new ArrayList<>(before);
        after.set(9, "ten");

        assertThat(LineDiff.unified(before, after, "old", "new")).isEqualTo("""
                --- old
                +++ new
                @@ -7,7 +7,7 @@
                 7
                 8
                 9
                -10
                +ten
                 11
                 12
                 13
                """);
    }

    @Test
    void changes_far_apart_make_two_hunks_and_close_ones_one() {
        List<String> before = lines(1, 30);
        List<String> after = new ArrayList<>(before);
        after.set(1, "two");
        after.remove(24); // line 25
        after.add("31");

        assertThat(LineDiff.unified(before, after, "old", "new")).isEqualTo("""
                --- old
                +++ new
                @@ -1,5 +1,5 @@
                 1
                -2
                +two
                 3
                 4
                 5
                @@ -22,9 +22,9 @@
                 22
                 23
                 24
                -25
                 26
                 27
                 28
                 29
                 30
                +31
                """);
    }

    @Test
    void lines_added_at_the_start_of_an_empty_file_and_a_file_emptied() {
        assertThat(LineDiff.unified(List.of(), List.of("a", "b"), "old", "new")).isEqualTo("""
                --- old
                +++ new
                @@ -0,0 +1,2 @@
                +a
                +b
                """);
        assertThat(LineDiff.unified(List.of("a"), List.of(), "old", "new")).isEqualTo("""
                --- old
                +++ new
                @@ -1 +0,0 @@
                -a
                """);
    }

    @Test
    void the_shortest_script_keeps_what_both_sides_share() {
        // Myers' own example: ABCABBA against CBABAC takes 5 edits (3 lines removed, 2 added) and keeps 4 in common
        List<String> before = List.of("A", "B", "C", "A", "B", "B", "A");
        List<String> after = List.of("C", "B", "A", "B", "A", "C");

        List<String> body = LineDiff.unified(before, after, "old", "new").lines().skip(3).toList();

        assertThat(body).filteredOn(l -> l.startsWith("-")).hasSize(3);
        assertThat(body).filteredOn(l -> l.startsWith("+")).hasSize(2);
        assertThat(body).filteredOn(l -> l.startsWith(" ")).hasSize(4);
        // reading the script back gives both files
        assertThat(body.stream().filter(l -> !l.startsWith("+")).map(l -> l.substring(1))).containsExactlyElementsOf(before);
        assertThat(body.stream().filter(l -> !l.startsWith("-")).map(l -> l.substring(1))).containsExactlyElementsOf(after);
    }

    private static List<String> lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }
}
