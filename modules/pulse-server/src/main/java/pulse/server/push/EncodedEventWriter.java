package pulse.server.push;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ByteBufferFactory;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an {@link EncodedEvent} to a screen's connection as it is: the response wraps the event's
 * array, no copy and no encoding. Ordered before Micronaut's SSE writer, which takes any type.
 */
@Singleton
@Produces(MediaType.TEXT_EVENT_STREAM)
@Order(-100)
final class EncodedEventWriter implements MessageBodyWriter<EncodedEvent> {

    @Override
    public boolean isWriteable(Argument<EncodedEvent> type, MediaType mediaType) {
        return EncodedEvent.class.isAssignableFrom(type.getType());
    }

    @Override
    public ByteBuffer<?> writeTo(Argument<EncodedEvent> type, MediaType mediaType, EncodedEvent event,
            MutableHeaders outgoingHeaders, ByteBufferFactory<?, ?> bufferFactory) {
        return bufferFactory.wrap(event.bytes());
    }

    @Override
    public void writeTo(Argument<EncodedEvent> type, MediaType mediaType, EncodedEvent event,
            MutableHeaders outgoingHeaders, OutputStream outputStream) throws CodecException {
        try {
            outputStream.write(event.bytes());
        } catch (IOException e) {
            throw new CodecException("cannot write an event to a screen", e);
        }
    }
}
