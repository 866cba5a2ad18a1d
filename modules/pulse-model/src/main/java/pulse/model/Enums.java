package pulse.model;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one way Pulse reads an enum constant from text, wherever the text comes from (an event's
 * field, a query parameter, a path): by its exact name, or by another spelling the type gives.
 */
public final class Enums {

    private Enums() {}

    /** The constant named exactly {@code text} (case included), if any. */
    public static <E extends Enum<E>> Optional<E> named(Class<E> type, String text) {
        return spelled(type, text, Enum::name);
    }

    /** The constant whose {@code spelling} is exactly {@code text}, if any. */
    public static <E extends Enum<E>> Optional<E> spelled(Class<E> type, String text, Function<E, String> spelling) {
        if (text != null) {
            for (E constant : type.getEnumConstants()) {
                if (spelling.apply(constant).equals(text)) {
                    return Optional.of(constant);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The constant named {@code text}; null when the text is missing or blank (the parameter was
     * not given), else an {@link InvalidInputException} naming the field, the text and the choices.
     */
    public static <E extends Enum<E>> E parameter(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return named(type, text).orElseThrow(() -> new InvalidInputException(
                new FieldError(field, "\"" + text + "\"", Text.of("field.oneOf", Messages.choices(type)))));
    }
}
