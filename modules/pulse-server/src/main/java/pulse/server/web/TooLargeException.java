package pulse.server.web;

import pulse.model.Text;

/** Input beyond what Pulse takes in one request (413): says the limit and what to do instead. */
public class TooLargeException extends MessageException {

    public TooLargeException(Text text) {
        super(text);
    }
}
