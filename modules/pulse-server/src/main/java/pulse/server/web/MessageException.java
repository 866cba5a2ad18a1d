package pulse.server.web;

import pulse.model.Text;

/** A failure whose message comes from the catalogue, shown in the reader's language by its handler. */
public abstract class MessageException extends RuntimeException {

    private final transient Text text;

    protected MessageException(Text text) {
        super(text.toString());
        this.text = text;
    }

    /** The message, shown in the reader's language. */
    public Text text() {
        return text;
    }
}
