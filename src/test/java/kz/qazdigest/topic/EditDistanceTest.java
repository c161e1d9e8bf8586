package kz.qazdigest.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {
    @ParameterizedTest
    @CsvSource({"katar, qatar, 1", "qatar, qatar, 0", "'', spain, 5", "испания, испаня, 1", "kitten, sitting, 3"})
    void countsSingleCharacterEdits(String a, String b, int edits) {
        assertThat(EditDistance.between(a, b)).isEqualTo(edits);
        assertThat(EditDistance.between(b, a)).isEqualTo(edits);
    }
}
