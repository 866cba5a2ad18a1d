package pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkerWatchTest {

    @Test
    void shouldFindTheMarkerUnitsFigureInAnUpdateWithoutParsingIt() {
        String line = "data:{\"kind\":\"update\",\"ranking\":{\"县住建局\":[12.50,0.1,0.2,\"FAILING\"],"
                + "\"基准单位\":[4711.00,0.0000,0.0001,\"FAILING\"]},\"reports\":[]}";

        assertThat(MarkerWatch.markerValue(line)).isEqualTo(4711L);
    }

    @Test
    void shouldFindNothingWhenTheMarkerUnitsRowIsNotInTheUpdate() {
        assertThat(MarkerWatch.markerValue("data:{\"kind\":\"update\",\"ranking\":{\"县住建局\":[12.50,0.1,0.2,\"GOOD\"]}}"))
                .isNull();
        assertThat(MarkerWatch.markerValue("data:{\"ranking\":{\"基准单位\":null},\"reports\":[{\"unitId\":\"基准单位\"}]}"))
                .isNull();
    }
}
