package pulse.server.web;

import pulse.model.Text;

/** Something asked for that does not exist: answered {@code 404} with the message. */
public class NotFoundException extends MessageException {

    public NotFoundException(Text text) {
        super(text);
    }
}
