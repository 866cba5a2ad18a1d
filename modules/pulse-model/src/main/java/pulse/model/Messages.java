package pulse.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulse's one catalogue of messages, in Chinese ({@code messages_zh.properties}, the default) and
 * English ({@code messages_en.properties}): every error of the API, the import and the form, and
 * the light reasons. A test keeps the two with the same keys.
 */
public final class Messages {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private static final String BUNDLE = "pulse.model.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    /**
     * The language of an {@code Accept-Language} header (or a page's choice): English when English is
     * preferred to Chinese, else Chinese, the county's language, also when nothing is said.
     */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null) {
            return ZH;
        }
        for (Locale.LanguageRange range : safeParse(acceptLanguage)) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.startsWith("zh")) {
                return ZH;
            }
            if (tag.startsWith("en")) {
                return EN;
            }
        }
        return ZH;
    }

    private static java.util.List<Locale.LanguageRange> safeParse(String header) {
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return java.util.List.of();
        }
    }

    private static final ResourceBundle ZH_BUNDLE = ResourceBundle.getBundle(BUNDLE, ZH, NO_FALLBACK);
    private static final ResourceBundle EN_BUNDLE = ResourceBundle.getBundle(BUNDLE, EN, NO_FALLBACK);
    /**
     * Parsed patterns, one per language and key: messages are formatted on the stream threads (light
     * reasons, for every view of every event), where parsing a pattern each time cost most of the work.
     * A MessageFormat is not thread-safe, so each is used under its own lock (held for microseconds).
     */
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

    static boolean has(String key) {
        return ZH_BUNDLE.containsKey(key);
    }

    static ResourceBundle bundle(Locale locale) {
        return english(locale) ? EN_BUNDLE : ZH_BUNDLE;
    }

    private static boolean english(Locale locale) {
        return EN.getLanguage().equals(locale.getLanguage());
    }

    /**
     * The values of an enum as a person picks them: in Chinese each with its Chinese name
     * (RURAL（乡村振兴）、…), in English the names (RURAL, ECONOMY, …).
     */
    public static Localized choices(Class<? extends Enum<?>> type) {
        return locale -> {
            boolean zh = !EN.getLanguage().equals(locale.getLanguage());
            StringBuilder text = new StringBuilder();
            for (Enum<?> value : type.getEnumConstants()) {
                if (text.length() > 0) {
                    text.append(zh ? "、" : ", ");
                }
                text.append(value.name());
                String label = zh ? label(value) : null;
                if (label != null) {
                    text.append('（').append(label).append('）');
                }
            }
            return text.toString();
        };
    }

    /** An enum value's name in the reader's language (catalogue key {@code enum.<Type>.<VALUE>}). */
    public static Text name(Enum<?> value) {
        return Text.of("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** The Chinese name an enum value carries in its {@code zh} field, if it has one. */
    public static String label(Enum<?> value) {
        try {
            return String.valueOf(value.getClass().getField("zh").get(value));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static String format(Text text, Locale locale) {
        Object[] args = text.args().stream().map(arg -> arg instanceof Localized inner ? inner.in(locale) : arg).toArray();
        boolean english = english(locale);
        MessageFormat format = FORMATS.computeIfAbsent((english ? "en:" : "zh:") + text.key(),
                key -> new MessageFormat(bundle(locale).getString(text.key()), english ? EN : ZH));
        synchronized (format) {
            return format.format(args);
        }
    }
}
