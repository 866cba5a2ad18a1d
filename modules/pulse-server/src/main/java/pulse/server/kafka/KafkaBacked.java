package pulse.server.kafka;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that connects to Kafka (the broker, the producers, the topic readers, the topology's
 * stores) or that cannot work without one that does (the password login), most also marked
 * {@code @Context} to be created as the server starts (Micronaut reads that on the bean itself, not
 * through this annotation). With {@value #ENABLED} false, micronaut-kafka's own
 * switch, a context has none of them, and no topology either: the controller tests start the web
 * layer alone, on stubbed services, in a second instead of a broker's start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Requires(property = KafkaBacked.ENABLED, notEquals = StringUtils.FALSE)
public @interface KafkaBacked {

    /** False: a context without Kafka. */
    String ENABLED = "kafka.enabled";
}
