package pulse.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import pulse.model.PulseJson;

/** Micronaut's own mapper writes HTTP answers exactly as Pulse writes JSON everywhere else. */
@Singleton
class JsonConfiguration implements BeanCreatedEventListener<ObjectMapper> {

    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        return PulseJson.configure(event.getBean());
    }
}
