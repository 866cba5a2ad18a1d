package pulse.server.web;

import pulse.model.Text;

/** A request that conflicts with what exists already: answered {@code 409} with the message. */
public class ConflictException extends MessageException {

    public ConflictException(Text text) {
        super(text);
    }
}
