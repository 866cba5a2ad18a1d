package pulse.model;

import java.util.Locale;

/** Anything shown in the reader's language: a {@link Text}, or words built per language (a list of choices). */
@FunctionalInterface
public interface Localized {
    String in(Locale locale);
}
