package pulse.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message of Pulse's catalogue ({@link Messages}): its key and its arguments, rendered in Chinese
 * or English when it is shown. An argument is shown as it is, or, when it is {@link Localized} (a
 * text itself, a list of choices), in the same language.
 */
public record Text(String key, List<Object> args) implements Localized {

    public Text {
        Objects.requireNonNull(key, "key");
        if (!Messages.has(key)) {
            throw new IllegalArgumentException("no message " + key + " in the catalogue");
        }
        args = List.copyOf(args);
    }

    /** {@code args}: strings, numbers (shown plain, never grouped) or texts; null is shown empty. */
    public static Text of(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            shown[i] = arg instanceof Localized ? arg : arg == null ? "" : plain(arg);
        }
        return new Text(key, List.of(shown));   // immutable already: the constructor's copyOf keeps it
    }

    @Override
    public String in(Locale locale) {
        return Messages.format(this, locale);
    }

    /** Each of {@code texts} in {@code locale}, in order. */
    public static List<String> in(List<Text> texts, Locale locale) {
        return texts.stream().map(text -> text.in(locale)).toList();
    }

    /** English, as logs and dead letters carry it. */
    @Override
    public String toString() {
        return in(Messages.EN);
    }

    private static String plain(Object arg) {
        return arg instanceof java.math.BigDecimal amount ? amount.toPlainString() : String.valueOf(arg);
    }
}
