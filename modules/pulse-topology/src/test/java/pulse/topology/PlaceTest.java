package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import pulse.model.Light;

/** A project's place as one word: it orders as the warnings do and gives back the light and deviation it was made of. */
class PlaceTest {

    @ParameterizedTest
    @CsvSource({
        "RED, -100.00", "RED, -0.01", "RED, 0.00", "YELLOW, -4.99", "YELLOW, 12.50", "GREEN, 0.00",
        "GREEN, 250.00", "RED, -99999999.99", "GREEN, 99999999.99"
    })
    void shouldGiveBackTheLightAndDeviationItWasMadeOf(Light light, String deviation) {
        long place = Place.of(light, new BigDecimal(deviation));

        assertThat(Place.light(place)).isEqualTo(light);
        assertThat(Place.deviationPoints(place)).isEqualTo(new BigDecimal(deviation));
    }

    @Test
    void shouldKeepDeviationsInTheRulesTwoDecimals() {
        assertThat(Place.deviationPoints(Place.of(Light.RED, new BigDecimal("-3")))).isEqualTo(new BigDecimal("-3.00"));
        assertThat(Place.deviationPoints(Place.of(Light.RED, new BigDecimal("-3.005")))).isEqualTo(new BigDecimal("-3.01"));
    }

    @Test
    void shouldKeepADeviationBeyondAnyRateAtTheEndOfItsLightNotWrapAround() {
        long farAhead = Place.of(Light.YELLOW, new BigDecimal("1E+30"));
        long farBehind = Place.of(Light.YELLOW, new BigDecimal("-1E+30"));

        assertThat(Place.light(farAhead)).isEqualTo(Light.YELLOW);
        assertThat(Place.light(farBehind)).isEqualTo(Light.YELLOW);
        assertThat(farBehind).isLessThan(Place.of(Light.YELLOW, new BigDecimal("-99999999.99")));
        assertThat(farAhead).isGreaterThan(Place.of(Light.YELLOW, new BigDecimal("99999999.99")))
                .isLessThan(Place.of(Light.GREEN, new BigDecimal("-1E+30")));
        assertThat(Place.of(Light.RED, new BigDecimal("1E+30"))).isLessThan(farBehind);
    }

    /** Against the warnings' own order, over random places with many ties. */
    @Test
    void shouldOrderAsTheWarningsAreOrdered() {
        Random random = new Random(2022);
        record Warned(String projectId, Light light, BigDecimal deviation) {}
        List<Warned> warned = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            warned.add(new Warned("P" + random.nextInt(50), Light.values()[random.nextInt(3)],
                    BigDecimal.valueOf(random.nextInt(20_001) - 10_000, 2)));
        }
        Comparator<Warned> byWarnings = Standings.worstFirst(Warned::light, Warned::deviation, Warned::projectId);
        Comparator<Warned> byPlace = (a, b) -> Place.compare(Place.of(a.light(), a.deviation()), a.projectId(),
                Place.of(b.light(), b.deviation()), b.projectId());

        for (int i = 0; i < warned.size() - 1; i++) {
            Warned a = warned.get(i);
            Warned b = warned.get(i + 1);
            assertThat(Integer.signum(byPlace.compare(a, b))).as("%s against %s", a, b)
                    .isEqualTo(Integer.signum(byWarnings.compare(a, b)));
        }
        assertThat(warned.stream().sorted(byPlace).toList()).isEqualTo(warned.stream().sorted(byWarnings).toList());
    }
}
