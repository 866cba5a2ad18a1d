package pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkerWatchTest {

    @Test
    void shouldFindTheMarkerUnitsFigureInAnUpdateWithoutParsingIt() {
        String line = "data:{\"kind\":\"update\",\"totals\":{\"unit/县住建局\":{\"completedThisYear\":12.50},"
                + "\"unit/基准单位\":{\"key\":\"基准单位\",\"projects\":1,\"completedThisYear\":4711.00,\"grade\":\"落实较好\"}}}";

        assertThat(MarkerWatch.markerValue(line)).isEqualTo(4711L);
    }

    @Test
    void shouldFindNothingWhenTheMarkerUnitIsNotInTheUpdateOrHasNoFigure() {
        assertThat(MarkerWatch.markerValue("data:{\"kind\":\"update\",\"totals\":{\"unit/县住建局\":{\"completedThisYear\":12.50}}}"))
                .isNull();
        assertThat(MarkerWatch.markerValue("data:{\"totals\":{\"unit/基准单位\":{\"projects\":1},\"area/URBAN\":{\"completedThisYear\":3}}}"))
                .isNull();
    }
}
