package pulse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class EnumsTest {

    @Test
    void aConstantIsFoundByItsExactNameOnly() {
        assertThat(Enums.named(Light.class, "RED")).contains(Light.RED);
        assertThat(Enums.named(Light.class, "red")).isEmpty();
        assertThat(Enums.named(Light.class, "BLUE")).isEmpty();
        assertThat(Enums.named(Light.class, null)).isEmpty();
    }

    @Test
    void aConstantIsFoundByTheSpellingItsTypeGives() {
        assertThat(Enums.spelled(Light.class, "yellow", light -> light.name().toLowerCase(Locale.ROOT)))
                .contains(Light.YELLOW);
        assertThat(Enums.spelled(Light.class, "YELLOW", light -> light.name().toLowerCase(Locale.ROOT))).isEmpty();
    }

    @Test
    void aParameterLeftOutIsNullAndAWrongOneNamesTheFieldTheTextAndTheChoices() {
        assertThat(Enums.parameter("light", null, Light.class)).isNull();
        assertThat(Enums.parameter("light", " ", Light.class)).isNull();
        assertThat(Enums.parameter("light", "GREEN", Light.class)).isEqualTo(Light.GREEN);

        assertThatThrownBy(() -> Enums.parameter("light", "BLUE", Light.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    FieldError error = e.errors().get(0);
                    assertThat(error.field()).isEqualTo("light");
                    assertThat(error.value()).isEqualTo("\"BLUE\"");
                    assertThat(error.expected().in(Locale.ENGLISH)).contains("GREEN", "YELLOW", "RED");
                });
    }
}
